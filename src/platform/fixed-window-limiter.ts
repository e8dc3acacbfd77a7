/** Counts events per key in fixed windows; in memory, per process. */
export interface RateLimiter {
  /** Records one event for the key; false when the key is over its limit for this window. */
  hit(key: string, now: Date): boolean
  /** Whole seconds until the key's current window ends (at least 1). */
  secondsUntilReset(key: string, now: Date): number
}

export function createFixedWindowLimiter(input: {
  limit: number
  windowMs: number
  largestKeyCount?: number
}): RateLimiter {
  // In the order their windows started, so the ended ones are at the front.
  const windows = new Map<string, { startedAt: number; count: number }>()
  const largestKeyCount = input.largestKeyCount ?? 10_000
  const forgetEnded = (time: number) => {
    for (const [key, window] of windows) {
      if (time - window.startedAt < input.windowMs) return
      windows.delete(key)
    }
  }
  return {
    hit(key, now) {
      const time = now.getTime()
      const current = windows.get(key)
      if (!current || time - current.startedAt >= input.windowMs) {
        windows.delete(key)
        forgetEnded(time)
        // Forget the oldest keys rather than grow without bound under a flood of addresses.
        if (windows.size >= largestKeyCount) windows.delete(windows.keys().next().value ?? '')
        windows.set(key, { startedAt: time, count: 1 })
        return true
      }
      current.count += 1
      return current.count <= input.limit
    },
    secondsUntilReset(key, now) {
      const startedAt = windows.get(key)?.startedAt ?? now.getTime()
      return Math.max(1, Math.ceil((startedAt + input.windowMs - now.getTime()) / 1000))
    },
  }
}
