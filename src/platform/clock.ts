/** The source of "now"; tests and the demo loader pass a fixed one. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** A clock frozen at one instant (tests, reproducible imports). */
export function fixedClock(instant: Date): Clock {
  return { now: () => new Date(instant.getTime()) }
}
