/** How often each process looks for due agency feeds; a feed's own interval is a minute or more. */
export const WIRE_CHECK_MS = 15_000

export interface WirePoller {
  start(): void
  stop(): Promise<void>
}

/**
 * Looks for due agency feeds every few seconds in every process. Which process polls a feed is
 * settled by the claim in the wire ingest, so running it everywhere polls each feed once.
 */
export function createWirePoller(deps: {
  pollDueFeeds: () => Promise<unknown>
  intervalMs?: number
  onError: (error: unknown) => void
}): WirePoller {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()
  let isStarted = false
  const tick = () => {
    running = deps
      .pollDueFeeds()
      .then(() => undefined)
      .catch(deps.onError)
      .finally(() => {
        if (isStarted) timer = setTimeout(tick, deps.intervalMs ?? WIRE_CHECK_MS)
      })
  }
  return {
    start() {
      isStarted = true
      tick()
    },
    async stop() {
      isStarted = false
      clearTimeout(timer)
      await running
    },
  }
}
