import { createHmac, randomBytes } from 'node:crypto'
import { createFixedWindowLimiter, type RateLimiter } from '../fixed-window-limiter.js'

/** A limit by name: at most `limit` events per key in each window of `windowMs`. */
export interface LimitSpec {
  readonly name: string
  readonly limit: number
  readonly windowMs: number
  /** Keys remembered at most (the oldest are forgotten first); 10,000 unless given. */
  readonly largestKeyCount?: number
}

export interface LimitDecision {
  isAllowed: boolean
  /** Whole seconds until the key's window ends (at least 1). */
  secondsUntilReset: number
}

/** Fixed-window counters in one process's memory, by limit name. */
export interface LimitCounters {
  hit(spec: LimitSpec, key: string, now: Date): LimitDecision
}

/**
 * Keys (addresses, user agents) are kept only as a keyed hash whose secret is drawn at start and
 * never leaves memory, so the counters name no one; a key is dropped once its window has ended.
 */
export function createLimitCounters(): LimitCounters {
  const secret = randomBytes(32)
  const limiters = new Map<string, RateLimiter>()
  return {
    hit(spec, key, now) {
      let limiter = limiters.get(spec.name)
      if (!limiter) {
        limiter = createFixedWindowLimiter(spec)
        limiters.set(spec.name, limiter)
      }
      const hashed = createHmac('sha256', secret).update(key).digest('base64url').slice(0, 22)
      const isAllowed = limiter.hit(hashed, now)
      return { isAllowed, secondsUntilReset: limiter.secondsUntilReset(hashed, now) }
    },
  }
}
