import cluster from 'node:cluster'
import type { Config } from './config/config.js'
import { openStore } from './db/create-database.js'
import { relayClusterMetrics } from './modules/metrics/cluster-metrics.js'
import { serveClusterLimits } from './platform/limits/cluster-limits.js'
import { relayClusterWakeups } from './platform/outbox/cluster-wakeup.js'
import { prepareStore, SHUTDOWN_GRACE_MS } from './server.js'

/** How long workers get after SIGTERM before the primary gives up: their own grace, and a margin. */
const WORKERS_GRACE_MS = SHUTDOWN_GRACE_MS + 2_000
/** A replacement waits this long, so a worker that dies at start cannot fork in a tight loop. */
const REFORK_DELAY_MS = 1_000
/**
 * Node's young generation grows to two 16 MB semi-spaces and stays that size, in every worker.
 * Two 4 MB ones keep each worker about 25 MB smaller for the same throughput (docs/decisions/0010).
 * Placed before the primary's own flags, so a `--max-semi-space-size` given to node wins.
 */
const WORKER_NODE_FLAGS = ['--max-semi-space-size=4']

/**
 * The cluster's primary: migrates and prepares the database once, forks `workers` processes that
 * share the port (each runs `startServer` as a worker; each reads the outbox for the others' changes,
 * woken through the primary, and each counts rate limits in the primary, once for the machine),
 * replaces a worker that dies, and stops them all on SIGTERM or SIGINT.
 */
export async function startCluster(
  config: Config,
  workers: number,
  print: (line: string) => void,
): Promise<void> {
  const startedAt = performance.now()
  const store = await openStore(config.database)
  try {
    await prepareStore(config, store, print)
  } finally {
    await store.close()
  }
  relayClusterMetrics()
  relayClusterWakeups()
  serveClusterLimits()
  let isStopping = false
  let listening = 0
  cluster.on('listening', () => {
    listening += 1
    if (listening !== workers) return
    const host = config.host.includes(':') ? `[${config.host}]` : config.host
    print(
      `Masthead is serving ${config.siteUrl} on http://${host}:${config.port} (${config.database.kind}) with ${workers} workers, ready in ${Math.round(performance.now() - startedAt)} ms.`,
    )
  })
  cluster.on('exit', (worker, code, signal) => {
    if (isStopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0)
      return
    }
    print(`Worker ${worker.process.pid} stopped (${signal ?? code}); starting another.`)
    setTimeout(() => {
      if (!isStopping) cluster.fork()
    }, REFORK_DELAY_MS)
  })
  const stop = () => {
    if (isStopping) return
    isStopping = true
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM')
    setTimeout(() => process.exit(1), config.shutdownDelayMs + WORKERS_GRACE_MS).unref()
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
  cluster.setupPrimary({ execArgv: [...WORKER_NODE_FLAGS, ...process.execArgv] })
  for (let index = 0; index < workers; index++) cluster.fork()
}
