/** The source of "now"; tests and the demo loader pass a fixed one. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** A clock frozen at one instant (tests, reproducible imports). */
export function fixedClock(instant: Date): Clock {
  return { now: () => new Date(instant.getTime()) }
}

/** A clock that moves only when told to (tests of schedules, retries and expiry). */
export interface ManualClock extends Clock {
  advance(milliseconds: number): void
  set(instant: Date): void
}

export function manualClock(start: Date): ManualClock {
  let current = start.getTime()
  return {
    now: () => new Date(current),
    advance(milliseconds) {
      current += milliseconds
    },
    set(instant) {
      current = instant.getTime()
    },
  }
}
