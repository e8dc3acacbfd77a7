import cluster from 'node:cluster'

const WAKE_MESSAGE = 'masthead:outbox-wake'

function isWakeMessage(message: unknown): boolean {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === WAKE_MESSAGE
  )
}

/**
 * Between the workers of one machine: a worker that committed events says so through the
 * cluster's primary, and the others read the outbox at once instead of at their next tick. Only a
 * wake: what to read is in the outbox. Returns the function that tells the others, and stops
 * listening when `close` is called.
 */
export function joinClusterWakeups(onWake: () => void): {
  announce: () => void
  close: () => void
} {
  const listener = (message: unknown) => {
    if (isWakeMessage(message)) onWake()
  }
  process.on('message', listener)
  return {
    announce: () => process.send?.({ type: WAKE_MESSAGE }),
    close: () => process.off('message', listener),
  }
}

/** In the cluster's primary: hands each worker's wake-up to every other worker. */
export function relayClusterWakeups(): void {
  cluster.on('message', (from, message: unknown) => {
    if (!isWakeMessage(message)) return
    for (const worker of Object.values(cluster.workers ?? {}))
      if (worker && worker !== from && worker.isConnected()) worker.send({ type: WAKE_MESSAGE })
  })
}
