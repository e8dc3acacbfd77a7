import { createRepeatingTask, type RepeatingTask } from './repeating-task.js'

/** How often due articles are looked for: well inside the 30 seconds an editor may wait. */
export const SCHEDULE_CHECK_MS = 5_000

export type ScheduledPublisher = RepeatingTask

/**
 * Publishes scheduled articles as their time comes, checking every few seconds. It keeps no state:
 * after a restart the first check publishes whatever fell due while the process was down.
 */
export function createScheduledPublisher(deps: {
  publishDueArticles: () => Promise<unknown>
  intervalMs?: number
  onError: (error: unknown) => void
}): ScheduledPublisher {
  return createRepeatingTask({
    run: deps.publishDueArticles,
    intervalMs: deps.intervalMs ?? SCHEDULE_CHECK_MS,
    onError: deps.onError,
  })
}
