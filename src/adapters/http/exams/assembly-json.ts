import type { ExamAssembly as ExamAssemblyJson } from '../../../contract/generated/types.gen.js';
import type { ExamAssembly } from '../../../domain/exams/exam-assembly.rules.js';

/** The wire shape of how an exam attempt was assembled (learner attempt view and admin learner detail). */
export const assemblyJson = (assembly: ExamAssembly): ExamAssemblyJson => ({
  seed: assembly.seed,
  settings_version_id: assembly.settingsVersionId,
  parameters: {
    k: assembly.parameters.k,
    total_q: assembly.parameters.totalQ,
    min_per_module: assembly.parameters.minPerModule,
    max_per_module: assembly.parameters.maxPerModule,
  },
  weakness: assembly.weakness.map((row) => ({
    module_id: row.moduleId,
    correct: row.correct,
    total: row.total,
    weakness: row.weakness,
    rank: row.rank,
  })),
  allocation: assembly.allocation.map((row) => ({ module_id: row.moduleId, count: row.count, reason: row.reason })),
  window_start: assembly.windowStart,
  candidates: assembly.candidates.map((row) => ({
    module_id: row.moduleId,
    unseen: [...row.unseen],
    seen: [...row.seen],
    flagged: [...(row.flagged ?? [])],
  })),
});
