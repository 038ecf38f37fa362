/**
 * RELIABILITY_LONG=1 turns the reliability suites into their long variants (more rounds, bigger
 * bursts, more outage and crash cycles); the default run stays fast enough for `npm test`.
 */
export const LONG = process.env.RELIABILITY_LONG === '1';

/** `short` in the default run, `long` under RELIABILITY_LONG=1. */
export function scaled(short: number, long: number): number {
  return LONG ? long : short;
}
