import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import type { Clock } from './clock.js'

/** Work to do later, stored in the `jobs` table so it survives a restart. */
export interface JobRequest {
  kind: string
  payload: unknown
  /** Not before this time; now when omitted. */
  runAt?: Date
  /** At most one queued or running job per key: a second enqueue with the key is ignored. */
  uniqueKey?: string
  maxAttempts?: number
}

/** Carries out the jobs of one kind, at most `concurrency` at a time in a process. */
export interface JobHandler {
  kind: string
  concurrency: number
  handle(payload: unknown): Promise<void>
}

export interface JobQueue {
  enqueue(job: JobRequest): Promise<void>
}

/** A queue over the `jobs` table; `db` may be a transaction, so a job commits with its cause. */
export function createJobQueue({ db, clock }: { db: Kysely<Database>; clock: Clock }): JobQueue {
  return {
    async enqueue(job) {
      const now = clock.now().toISOString()
      await db
        .insertInto('jobs')
        .values({
          kind: job.kind,
          payload: JSON.stringify(job.payload ?? null),
          uniqueKey: job.uniqueKey ?? null,
          status: 'queued',
          runAt: (job.runAt ?? clock.now()).toISOString(),
          attempts: 0,
          maxAttempts: job.maxAttempts ?? 5,
          createdAt: now,
          updatedAt: now,
        })
        .onConflict((conflict) => conflict.column('uniqueKey').doNothing())
        .execute()
    },
  }
}
