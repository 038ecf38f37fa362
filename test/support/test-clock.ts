import type { Clock } from '../../src/application/ports/clock.port.js';

/** Real time plus an offset the test moves forward: grace windows and lifetimes pass without sleeping. */
export class TestClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }
}

export const HOUR = 3_600;
export const DAY = 86_400;
