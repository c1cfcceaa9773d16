import type { Clock } from '../src/platform/context.js';

/** Monday 2 November 2026, 09:00 WIB: a working day with no holiday nearby. */
export const TEST_START = new Date('2026-11-02T02:00:00Z');

export class TestClock implements Clock {
  private t: number;
  constructor(start: Date = TEST_START) {
    this.t = start.getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  advance(ms: number): void {
    this.t += ms;
  }
  advanceHours(h: number): void {
    this.advance(h * 3_600_000);
  }
}
