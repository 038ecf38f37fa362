import type { ExamAssembly } from '../../../domain/exams/exam-assembly.rules.js';

/** The stored (snake_case) form of an exam assembly: the `assembly` jsonb column of an attempt. */
export interface AssemblyColumn {
  seed: number;
  settings_version_id: number;
  parameters: { k: number; total_q: number; min_per_module: number; max_per_module: number };
  weakness: { module_id: number; correct: number; total: number; weakness: number; rank: number }[];
  allocation: { module_id: number; count: number; reason: 'weak' | 'overflow' }[];
  window_start: number;
  candidates: { module_id: number; unseen: number[]; seen: number[]; flagged: number[] }[];
}

export const assemblyToColumn = (assembly: ExamAssembly): AssemblyColumn => ({
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

export const assemblyFromColumn = (column: AssemblyColumn): ExamAssembly => ({
  seed: column.seed,
  settingsVersionId: column.settings_version_id,
  parameters: {
    k: column.parameters.k,
    totalQ: column.parameters.total_q,
    minPerModule: column.parameters.min_per_module,
    maxPerModule: column.parameters.max_per_module,
  },
  weakness: column.weakness.map((row) => ({
    moduleId: row.module_id,
    correct: row.correct,
    total: row.total,
    weakness: row.weakness,
    rank: row.rank,
  })),
  allocation: column.allocation.map((row) => ({ moduleId: row.module_id, count: row.count, reason: row.reason })),
  windowStart: column.window_start,
  candidates: column.candidates.map((row) => ({
    moduleId: row.module_id,
    unseen: row.unseen,
    seen: row.seen,
    flagged: row.flagged,
  })),
});
