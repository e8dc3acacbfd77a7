import cluster, { type Worker } from 'node:cluster'
import { randomUUID } from 'node:crypto'
import type { MetricFamily } from './prometheus-text.js'

/** How long the primary waits for the workers' parts before answering with those it has. */
const GATHER_TIMEOUT_MS = 2000

type MetricsMessage =
  | { type: 'masthead:metrics-request'; id: string }
  | { type: 'masthead:metrics-collect'; id: string }
  | { type: 'masthead:metrics-part'; id: string; families: MetricFamily[] }
  | { type: 'masthead:metrics-reply'; id: string; parts: MetricFamily[][] }

function isMessage<T extends MetricsMessage['type']>(
  message: unknown,
  type: T,
): message is Extract<MetricsMessage, { type: T }> {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === type &&
    typeof (message as { id?: unknown }).id === 'string'
  )
}

/** A cluster worker's side: answers the primary's collection calls and asks for every worker's. */
export interface ClusterMetrics {
  /** Every worker's families (this one's included); this one's alone outside a cluster. */
  gather(): Promise<MetricFamily[][]>
  close(): void
}

export function createClusterMetrics(collectLocal: () => MetricFamily[]): ClusterMetrics {
  if (!cluster.isWorker || !process.send)
    return { gather: () => Promise.resolve([collectLocal()]), close: () => undefined }
  const pending = new Map<string, (parts: MetricFamily[][]) => void>()
  const listener = (message: unknown) => {
    if (isMessage(message, 'masthead:metrics-collect')) {
      process.send?.({
        type: 'masthead:metrics-part',
        id: message.id,
        families: collectLocal(),
      } satisfies MetricsMessage)
    } else if (isMessage(message, 'masthead:metrics-reply')) {
      pending.get(message.id)?.(message.parts)
      pending.delete(message.id)
    }
  }
  process.on('message', listener)
  return {
    gather() {
      const id = randomUUID()
      return new Promise((resolve) => {
        // Should the primary not answer, this worker's own figures are better than nothing.
        const timer = setTimeout(() => {
          pending.delete(id)
          resolve([collectLocal()])
        }, GATHER_TIMEOUT_MS * 2)
        pending.set(id, (parts) => {
          clearTimeout(timer)
          resolve(parts)
        })
        process.send?.({ type: 'masthead:metrics-request', id } satisfies MetricsMessage)
      })
    },
    close() {
      process.off('message', listener)
      for (const [id, resolve] of pending) {
        pending.delete(id)
        resolve([])
      }
    },
  }
}

/**
 * In the cluster's primary: when a worker is scraped, asks every worker for its figures and hands
 * them all to the one scraped, so any worker answers for the whole machine.
 */
export function relayClusterMetrics(): void {
  const gatherings = new Map<
    string,
    { parts: MetricFamily[][]; expected: number; finish(): void }
  >()
  cluster.on('message', (from: Worker, message: unknown) => {
    if (isMessage(message, 'masthead:metrics-part')) {
      const gathering = gatherings.get(message.id)
      if (!gathering) return
      gathering.parts.push(message.families)
      if (gathering.parts.length === gathering.expected) gathering.finish()
      return
    }
    if (!isMessage(message, 'masthead:metrics-request')) return
    const workers = Object.values(cluster.workers ?? {}).filter(
      (worker): worker is Worker => worker !== undefined && worker.isConnected(),
    )
    const { id } = message
    const gathering = {
      parts: [] as MetricFamily[][],
      expected: workers.length,
      finish() {
        clearTimeout(timer)
        gatherings.delete(id)
        if (from.isConnected())
          from.send({
            type: 'masthead:metrics-reply',
            id,
            parts: this.parts,
          } satisfies MetricsMessage)
      },
    }
    const timer = setTimeout(() => gathering.finish(), GATHER_TIMEOUT_MS)
    gatherings.set(id, gathering)
    for (const worker of workers)
      worker.send({ type: 'masthead:metrics-collect', id } satisfies MetricsMessage)
  })
}
