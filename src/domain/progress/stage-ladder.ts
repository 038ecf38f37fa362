export const RANKS = ['trainee', 'junior', 'middle', 'senior'] as const;
export type Rank = (typeof RANKS)[number];

/** A stage of a track: (rank, level) at an explicit position (1 = first). */
export interface StageRef {
  readonly id: number;
  readonly rank: Rank;
  readonly level: number;
  readonly position: number;
}

export type StageTemplate = Omit<StageRef, 'id'>;

/** The ladder every new track gets: trainee 0, then levels 1-3 of junior, middle and senior. */
export const STANDARD_LADDER: readonly StageTemplate[] = [
  { rank: 'trainee', level: 0, position: 1 },
  { rank: 'junior', level: 1, position: 2 },
  { rank: 'junior', level: 2, position: 3 },
  { rank: 'junior', level: 3, position: 4 },
  { rank: 'middle', level: 1, position: 5 },
  { rank: 'middle', level: 2, position: 6 },
  { rank: 'middle', level: 3, position: 7 },
  { rank: 'senior', level: 1, position: 8 },
  { rank: 'senior', level: 2, position: 9 },
  { rank: 'senior', level: 3, position: 10 },
];

/** The last level of a rank: the only stages that end with a rank final. */
export const FINAL_LEVEL = 3;

export function isFinalLevel(stage: Pick<StageRef, 'rank' | 'level'>): boolean {
  return stage.rank !== 'trainee' && stage.level === FINAL_LEVEL;
}

/**
 * The stage a learner moves to after this one, or null after senior 3 (graduation).
 * Trainee has the single level 0; other ranks go 1 → 2 → 3 → next rank's 1.
 */
export function nextStageOf(stage: Pick<StageRef, 'rank' | 'level'>): Pick<StageRef, 'rank' | 'level'> | null {
  if (stage.rank === 'trainee') return { rank: 'junior', level: 1 };
  if (stage.level < FINAL_LEVEL) return { rank: stage.rank, level: stage.level + 1 };
  const nextRank = RANKS[RANKS.indexOf(stage.rank) + 1];
  return nextRank === undefined ? null : { rank: nextRank, level: 1 };
}

/** "Junior 3": how stages are named in messages and approval comments. */
export function stageLabel(stage: Pick<StageRef, 'rank' | 'level'>): string {
  return `${stage.rank.charAt(0).toUpperCase()}${stage.rank.slice(1)} ${stage.level}`;
}
