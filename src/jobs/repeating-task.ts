/** Work a process repeats on a timer until it stops. */
export interface RepeatingTask {
  start(): void
  /** Stops the timer and waits for a round in progress. */
  stop(): Promise<void>
}

/**
 * Runs `run` at once on start, then again `intervalMs` after each round ends (rounds never
 * overlap). A failed round is reported and the next one still comes.
 */
export function createRepeatingTask(deps: {
  run: () => Promise<unknown>
  intervalMs: number
  onError: (error: unknown) => void
}): RepeatingTask {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()
  let isStarted = false
  const tick = () => {
    running = deps
      .run()
      .then(() => undefined)
      .catch(deps.onError)
      .finally(() => {
        if (isStarted) timer = setTimeout(tick, deps.intervalMs)
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
