import { createRepeatingTask, type RepeatingTask } from './repeating-task.js'

/** How often each process looks for due agency feeds; a feed's own interval is a minute or more. */
export const WIRE_CHECK_MS = 15_000

export type WirePoller = RepeatingTask

/**
 * Looks for due agency feeds every few seconds in every process. Which process polls a feed is
 * settled by the claim in the wire ingest, so running it everywhere polls each feed once.
 */
export function createWirePoller(deps: {
  pollDueFeeds: () => Promise<unknown>
  intervalMs?: number
  onError: (error: unknown) => void
}): WirePoller {
  return createRepeatingTask({
    run: deps.pollDueFeeds,
    intervalMs: deps.intervalMs ?? WIRE_CHECK_MS,
    onError: deps.onError,
  })
}
