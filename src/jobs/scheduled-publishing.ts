/** How often due articles are looked for: well inside the 30 seconds an editor may wait. */
export const SCHEDULE_CHECK_MS = 5_000

export interface ScheduledPublisher {
  start(): void
  stop(): Promise<void>
}

/**
 * Publishes scheduled articles as their time comes, checking every few seconds. It keeps no state:
 * after a restart the first check publishes whatever fell due while the process was down.
 */
export function createScheduledPublisher(deps: {
  publishDueArticles: () => Promise<unknown>
  intervalMs?: number
  onError: (error: unknown) => void
}): ScheduledPublisher {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()
  let isStarted = false
  const tick = () => {
    running = deps
      .publishDueArticles()
      .then(() => undefined)
      .catch(deps.onError)
      .finally(() => {
        if (isStarted) timer = setTimeout(tick, deps.intervalMs ?? SCHEDULE_CHECK_MS)
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
