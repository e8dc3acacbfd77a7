import { setImmediate as nextTurn } from 'node:timers/promises'

/** How long a slice of a poll's work may hold the event loop before letting requests through. */
const SLICE_MS = 20

/**
 * Work on a big feed (parsing, sanitising) in slices: call the returned `pause` between pieces
 * of work; once the slice has run its time, it waits for the next turn of the event loop, so the
 * process keeps answering requests while it polls.
 */
export function createTimeSlices(sliceMs = SLICE_MS): () => Promise<void> {
  let sliceStart = performance.now()
  return async function pause() {
    if (performance.now() - sliceStart < sliceMs) return
    await nextTurn()
    sliceStart = performance.now()
  }
}

/** `list.map(map)`, in slices that let the event loop run between them. */
export async function mapInSlices<T, R>(list: readonly T[], map: (item: T) => R): Promise<R[]> {
  const pause = createTimeSlices()
  const mapped: R[] = []
  for (const item of list) {
    mapped.push(map(item))
    await pause()
  }
  return mapped
}
