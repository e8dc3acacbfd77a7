import cluster, { type Worker } from 'node:cluster'
import { createLimitCounters, type LimitDecision, type LimitSpec } from './limit-counters.js'
import type { SharedLimits } from './shared-limits.js'

/** Should the primary not answer in this time, the worker decides with its own counters. */
const ANSWER_TIMEOUT_MS = 1000

type LimitMessage =
  | { type: 'masthead:limit-hit'; id: number; spec: LimitSpec; key: string; now: number }
  | ({ type: 'masthead:limit-decision'; id: number } & LimitDecision)

function isMessage<T extends LimitMessage['type']>(
  message: unknown,
  type: T,
): message is Extract<LimitMessage, { type: T }> {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === type &&
    typeof (message as { id?: unknown }).id === 'number'
  )
}

/** A cluster worker's side: every hit is counted by the primary, for the whole machine. */
export function joinClusterLimits(): SharedLimits {
  const fallback = createLimitCounters()
  const pending = new Map<number, (decision: LimitDecision) => void>()
  let lastId = 0
  const listener = (message: unknown) => {
    if (!isMessage(message, 'masthead:limit-decision')) return
    pending.get(message.id)?.({
      isAllowed: message.isAllowed,
      secondsUntilReset: message.secondsUntilReset,
    })
    pending.delete(message.id)
  }
  process.on('message', listener)
  return {
    hit(spec, key, now) {
      lastId += 1
      const id = lastId
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          pending.delete(id)
          resolve(fallback.hit(spec, key, now))
        }, ANSWER_TIMEOUT_MS)
        pending.set(id, (decision) => {
          clearTimeout(timer)
          resolve(decision)
        })
        const hit: LimitMessage = { type: 'masthead:limit-hit', id, spec, key, now: now.getTime() }
        process.send?.(hit)
      })
    },
    // A hit still waiting settles through its timer, with this worker's own counters.
    close: () => process.off('message', listener),
  }
}

/** In the cluster's primary: keeps the machine's counters and answers every worker's hits. */
export function serveClusterLimits(): void {
  const counters = createLimitCounters()
  cluster.on('message', (from: Worker, message: unknown) => {
    if (!isMessage(message, 'masthead:limit-hit') || !from.isConnected()) return
    const decision = counters.hit(message.spec, message.key, new Date(message.now))
    from.send({
      type: 'masthead:limit-decision',
      id: message.id,
      ...decision,
    } satisfies LimitMessage)
  })
}
