import cluster from 'node:cluster'
import { joinClusterLimits } from './cluster-limits.js'
import { createLimitCounters, type LimitDecision, type LimitSpec } from './limit-counters.js'

/**
 * Fixed-window limits counted once for every process of this machine (docs/decisions/0013):
 * in a cluster the primary counts for all its workers; a process alone counts for itself.
 */
export interface SharedLimits {
  /** Records one event for the key under the named limit and says whether it is within it. */
  hit(spec: LimitSpec, key: string, now: Date): Promise<LimitDecision>
  close(): void
}

/** This process's counters alone: a single process, or a test. */
export function createLocalLimits(): SharedLimits {
  const counters = createLimitCounters()
  return {
    hit: (spec, key, now) => Promise.resolve(counters.hit(spec, key, now)),
    close: () => undefined,
  }
}

/** The primary's counters in a cluster worker, this process's own elsewhere. */
export function createSharedLimits(): SharedLimits {
  return cluster.isWorker && process.send ? joinClusterLimits() : createLocalLimits()
}
