import type { ExamAssembly } from '../../domain/exams/exam-assembly.rules.js';

/**
 * The serialised form of an exam assembly (docs/product.md, "Exam assembly"): one snake_case document, stored as
 * the attempt's `assembly` jsonb column and sent as its `assembly` member (openapi.yaml `ExamAssembly`), so what
 * was stored is what the learner and the admin read.
 */
export interface AssemblyDocument {
  seed: number;
  settings_version_id: number;
  parameters: { k: number; total_q: number; min_per_module: number; max_per_module: number };
  weakness: { module_id: number; correct: number; total: number; weakness: number; rank: number }[];
  allocation: { module_id: number; count: number; reason: 'weak' | 'overflow' }[];
  window_start: number;
  candidates: { module_id: number; unseen: number[]; seen: number[]; flagged: number[] }[];
}

export const toAssemblyDocument = (assembly: ExamAssembly): AssemblyDocument => ({
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

export const fromAssemblyDocument = (document: AssemblyDocument): ExamAssembly => ({
  seed: document.seed,
  settingsVersionId: document.settings_version_id,
  parameters: {
    k: document.parameters.k,
    totalQ: document.parameters.total_q,
    minPerModule: document.parameters.min_per_module,
    maxPerModule: document.parameters.max_per_module,
  },
  weakness: document.weakness.map((row) => ({
    moduleId: row.module_id,
    correct: row.correct,
    total: row.total,
    weakness: row.weakness,
    rank: row.rank,
  })),
  allocation: document.allocation.map((row) => ({ moduleId: row.module_id, count: row.count, reason: row.reason })),
  windowStart: document.window_start,
  candidates: document.candidates.map((row) => ({
    moduleId: row.module_id,
    unseen: row.unseen,
    seen: row.seen,
    flagged: row.flagged,
  })),
});
