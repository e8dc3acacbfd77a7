import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import type { Clock } from '../platform/clock.js'
import type { JobHandler } from '../platform/job-queue.js'

export interface JobRunner {
  /** Polls for due jobs until `stop()`. */
  start(): void
  /** Runs every job that is due now, and the retries that fall due meanwhile; for tests and the CLI. */
  runDueJobs(): Promise<number>
  /** Stops polling and waits for the jobs in hand to finish. */
  stop(): Promise<void>
  /** Jobs waiting to run, and jobs that gave up: for /metrics and /readyz. */
  queueDepth(): Promise<{ queued: number; failed: number }>
  /** Whether it polls, and when (epoch ms, real time) its last poll ended: for /readyz. */
  heartbeat(): { isRunning: boolean; lastTickAt: number | undefined }
  /** Failed attempts per kind in this process since it started: for /metrics. */
  failedAttempts(): ReadonlyMap<string, number>
}

interface RunnerOptions {
  db: Kysely<Database>
  clock: Clock
  handlers: JobHandler[]
  pollIntervalMs?: number
  /** A job running longer than this is presumed dead with its process and handed out again. */
  staleAfterMs?: number
  onError?: (error: unknown, job: { id: number; kind: string }) => void
}

/** Seconds to wait before attempt n+1: 2, 4, 8, … capped at 10 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** attempts * 1000, 600_000)
}

/**
 * Runs queued jobs with a per-kind concurrency bound. Several processes may run it on the same
 * database: a job is claimed by a conditional update, so exactly one of them gets it.
 */
export function createJobRunner(options: RunnerOptions): JobRunner {
  const { db, clock } = options
  const workerId = randomUUID()
  const handlers = new Map(options.handlers.map((handler) => [handler.kind, handler]))
  const running = new Map<string, number>()
  const inFlight = new Set<Promise<void>>()
  let timer: NodeJS.Timeout | undefined
  let isPolling = false
  let lastTickAt: number | undefined
  const failures = new Map<string, number>()

  async function requeueStaleJobs(): Promise<void> {
    const staleBefore = new Date(clock.now().getTime() - (options.staleAfterMs ?? 600_000))
    await db
      .updateTable('jobs')
      .set({ status: 'queued', lockedBy: null, lockedAt: null })
      .where('status', '=', 'running')
      .where('lockedAt', '<', staleBefore.toISOString())
      .execute()
  }

  async function claimNext(kinds: string[]) {
    if (kinds.length === 0) return undefined
    const now = clock.now().toISOString()
    for (let tries = 0; tries < 5; tries++) {
      const candidate = await db
        .selectFrom('jobs')
        .selectAll()
        .where('status', '=', 'queued')
        .where('kind', 'in', kinds)
        .where('runAt', '<=', now)
        .orderBy('runAt')
        .orderBy('id')
        .limit(1)
        .executeTakeFirst()
      if (!candidate) return undefined
      const claimed = await db
        .updateTable('jobs')
        .set({ status: 'running', lockedBy: workerId, lockedAt: now, updatedAt: now })
        .where('id', '=', candidate.id)
        .where('status', '=', 'queued')
        .executeTakeFirst()
      if (Number(claimed.numUpdatedRows) === 1) return candidate
    }
    return undefined
  }

  async function execute(job: NonNullable<Awaited<ReturnType<typeof claimNext>>>): Promise<void> {
    const handler = handlers.get(job.kind)
    if (!handler) return
    const attempts = job.attempts + 1
    try {
      await handler.handle(JSON.parse(job.payload))
      await db
        .updateTable('jobs')
        .set({ status: 'done', attempts, uniqueKey: null, updatedAt: clock.now().toISOString() })
        .where('id', '=', job.id)
        .execute()
    } catch (error) {
      failures.set(job.kind, (failures.get(job.kind) ?? 0) + 1)
      options.onError?.(error, job)
      const hasGivenUp = attempts >= job.maxAttempts
      const now = clock.now()
      await db
        .updateTable('jobs')
        .set({
          status: hasGivenUp ? 'failed' : 'queued',
          attempts,
          lockedBy: null,
          lockedAt: null,
          lastError: error instanceof Error ? error.message : String(error),
          runAt: new Date(now.getTime() + retryDelayMs(attempts)).toISOString(),
          uniqueKey: hasGivenUp ? null : job.uniqueKey,
          updatedAt: now.toISOString(),
        })
        .where('id', '=', job.id)
        .execute()
    }
  }

  /**
   * Claims due jobs while the concurrency bounds allow and starts them; each finished job looks
   * for more, so a slow kind never holds up the others. Resolves with the number started.
   */
  async function fillFreeSlots(): Promise<number> {
    let started = 0
    for (;;) {
      const kinds = [...handlers.values()]
        .filter((handler) => (running.get(handler.kind) ?? 0) < handler.concurrency)
        .map((handler) => handler.kind)
      const job = await claimNext(kinds)
      if (!job) return started
      started++
      running.set(job.kind, (running.get(job.kind) ?? 0) + 1)
      const work = execute(job).finally(() => {
        running.set(job.kind, (running.get(job.kind) ?? 1) - 1)
        inFlight.delete(work)
        if (isPolling) void fillFreeSlots().catch(reportPollError)
      })
      inFlight.add(work)
    }
  }

  function reportPollError(error: unknown): void {
    options.onError?.(error, { id: 0, kind: 'poll' })
  }

  async function poll(): Promise<void> {
    try {
      await requeueStaleJobs()
      await fillFreeSlots()
    } catch (error) {
      reportPollError(error)
    }
    // Real time, not the clock: it tells whether this loop still turns, whatever the clock says.
    lastTickAt = Date.now()
    if (isPolling) timer = setTimeout(() => void poll(), options.pollIntervalMs ?? 1000)
  }

  return {
    start() {
      isPolling = true
      lastTickAt = Date.now()
      void poll()
    },
    async runDueJobs() {
      let total = 0
      for (;;) {
        const started = await fillFreeSlots()
        await Promise.all([...inFlight])
        if (started === 0) return total
        total += started
      }
    },
    async stop() {
      isPolling = false
      clearTimeout(timer)
      await Promise.all([...inFlight])
    },
    async queueDepth() {
      const rows = await db
        .selectFrom('jobs')
        .select(['status', (eb) => eb.fn.countAll<number>().as('total')])
        .where('status', 'in', ['queued', 'failed'])
        .groupBy('status')
        .execute()
      const count = (status: string) =>
        Number(rows.find((row) => row.status === status)?.total ?? 0)
      return { queued: count('queued'), failed: count('failed') }
    },
    heartbeat() {
      return { isRunning: isPolling, lastTickAt }
    },
    failedAttempts() {
      return failures
    },
  }
}
