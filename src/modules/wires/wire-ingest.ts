import { join } from 'node:path'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { withTransaction } from '../../db/transaction.js'
import { AppError } from '../../errors/app-error.js'
import type { Clock } from '../../platform/clock.js'
import { assertPermission } from '../access/actor.js'
import { recordChange } from '../audit/record-change.js'
import type { ChangeContext } from '../access/actor.js'
import { fetchWireFeed, type WireLimits } from './fetch-wire-feed.js'
import { newestWireEntries } from './newest-wire-entries.js'
import { parseWireFeed } from './read-wire-entries.js'
import { readWireFolder } from './read-wire-folder.js'
import { prepareWireChanges, storeWireItems, type WireChanges } from './store-wire-items.js'
import type { WireEntry } from './wire-entry.js'
import { WireFeedError } from './wire-feed-error.js'
import { findWireFeedRow, type WireFeedRow } from './wire-feed-queries.js'

/** How many items a feed had when a poll took only the newest. */
export interface Truncation {
  items: number
  taken: number
}

/** What one poll of one feed did. */
export type PollOutcome =
  | {
      feedId: number
      status: 'stored'
      added: number
      updated: number
      problems: string[]
      /** Present when the feed had more items than a poll takes. */
      truncated?: Truncation
    }
  | { feedId: number; status: 'not-modified' }
  | { feedId: number; status: 'failed'; error: string }

/** The longest a failing feed waits between tries, unless its own interval is longer. */
const LONGEST_BACKOFF_SECONDS = 3600
/** Feeds polled at once by one process. */
const FEEDS_AT_ONCE = 4

/** Seconds to wait after the n-th failure in a row: the interval doubled each time, capped. */
export function backoffSeconds(intervalSeconds: number, failures: number): number {
  const doubled = intervalSeconds * 2 ** Math.min(failures, 20)
  return Math.max(intervalSeconds, Math.min(doubled, LONGEST_BACKOFF_SECONDS))
}

/** Writes something more in the transaction that ends a poll (the audit entry of a manual one). */
type PollRecorder = (trx: Kysely<Database>, outcome: PollOutcome) => Promise<void>

/** What the audit log keeps of a poll's outcome. */
function auditDetailsOf(outcome: PollOutcome): Record<string, unknown> {
  if (outcome.status === 'stored') {
    const { added, updated, problems, truncated } = outcome
    return { status: outcome.status, added, updated, problems: problems.length, truncated }
  }
  return outcome.status === 'failed'
    ? { status: outcome.status, error: outcome.error }
    : { status: outcome.status }
}

const counted = new Intl.NumberFormat('en')

/**
 * What the feed's status keeps of a poll that stored items, as `kind: message` like a failure's
 * error: files it skipped, and items it left because the feed had more than a poll takes.
 */
function pollNotes(problems: string[], truncated: Truncation | undefined): string | null {
  const notes = []
  if (truncated) {
    const { items, taken } = truncated
    notes.push(
      `truncated: ${counted.format(items)} items in the feed, the ${counted.format(taken)} newest taken`,
    )
  }
  if (problems.length) notes.push(`malformed: ${problems.join('; ')}`)
  return notes.length ? notes.join('; ').slice(0, 2000) : null
}

interface Fetched {
  entries: WireEntry[]
  problems: string[]
  etag: string | null
  lastModified: string | null
}

/**
 * Polls agency feeds into the wire queue. Each process may run it: a poll first claims its feed
 * with a conditional update, so one process polls a feed at a time, and a claim that outlives its
 * process lapses. A poll stores its items and the feed's new state in one transaction; a failed
 * one records the error and when to try again, and leaves the queue as it was.
 */
export function createWireIngest(deps: {
  db: Kysely<Database>
  clock: Clock
  limits: WireLimits
  /** The data folder; folder feeds live under its `wires/`. */
  dataDir: string
  fetch?: typeof fetch
  onFailure?: (feed: WireFeedRow, error: WireFeedError) => void
}) {
  const { db, clock, limits } = deps
  const leaseMs = limits.timeoutMs + 60_000

  /** Takes the feed if no other poll holds it (and, for scheduled polls, if it is due). */
  async function claim(id: number, options: { isDueOnly: boolean }): Promise<boolean> {
    const now = clock.now().toISOString()
    let update = db
      .updateTable('wireFeeds')
      .set({ claimedUntil: new Date(clock.now().getTime() + leaseMs).toISOString() })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('claimedUntil', 'is', null), eb('claimedUntil', '<=', now)]))
    if (options.isDueOnly) update = update.where('nextPollAt', '<=', now).where('isEnabled', '=', 1)
    const result = await update.executeTakeFirst()
    return Number(result.numUpdatedRows) === 1
  }

  async function fetchFeed(feed: WireFeedRow): Promise<Fetched | 'not-modified'> {
    if (feed.folder) {
      const read = await readWireFolder({
        folder: join(deps.dataDir, 'wires', feed.folder),
        since: feed.lastModified,
        maxBytes: limits.maxBytes,
      })
      const entries: WireEntry[] = []
      const problems = [...read.problems]
      for (const file of read.files) {
        try {
          entries.push(...(await parseWireFeed(file.text, feed.format)))
        } catch (error) {
          problems.push(`${file.name}: ${error instanceof Error ? error.message : String(error)}`)
        }
      }
      return { entries, problems, etag: null, lastModified: read.newest }
    }
    const fetched = await fetchWireFeed({
      url: feed.url ?? '',
      etag: feed.etag,
      lastModified: feed.lastModified,
      limits,
      fetch: deps.fetch,
    })
    if (fetched.kind === 'not-modified') return 'not-modified'
    return {
      entries: await parseWireFeed(fetched.text, feed.format, feed.url ?? undefined),
      problems: [],
      etag: fetched.etag,
      lastModified: fetched.lastModified,
    }
  }

  /** Polls a feed this process has claimed, and lets go of it. */
  async function pollClaimed(feed: WireFeedRow, record?: PollRecorder): Promise<PollOutcome> {
    const startedAt = clock.now()
    const nextPoll = (seconds: number) =>
      new Date(clock.now().getTime() + seconds * 1000).toISOString()
    let fetched: Fetched | 'not-modified'
    let changes: WireChanges | undefined
    let truncated: Truncation | undefined
    try {
      fetched = await fetchFeed(feed)
      if (fetched !== 'not-modified') {
        const newest = newestWireEntries(fetched.entries, limits.maxItemsPerPoll)
        if (newest.truncatedFrom !== undefined)
          truncated = { items: newest.truncatedFrom, taken: newest.entries.length }
        changes = await prepareWireChanges(db, {
          sourceId: feed.sourceId,
          feedId: feed.id,
          entries: newest.entries,
          defaults: { language: feed.language, baseUrl: feed.url ?? undefined },
        })
      }
    } catch (error) {
      const failure =
        error instanceof WireFeedError
          ? error
          : new WireFeedError('malformed', error instanceof Error ? error.message : String(error))
      deps.onFailure?.(feed, failure)
      const failures = feed.failureCount + 1
      const outcome: PollOutcome = {
        feedId: feed.id,
        status: 'failed',
        error: `${failure.failure}: ${failure.message}`,
      }
      await withTransaction(db, async (trx) => {
        await trx
          .updateTable('wireFeeds')
          .set({
            claimedUntil: null,
            lastPolledAt: startedAt.toISOString(),
            failureCount: failures,
            lastError: outcome.error,
            nextPollAt: nextPoll(backoffSeconds(feed.pollIntervalSeconds, failures)),
          })
          .where('id', '=', feed.id)
          .execute()
        await record?.(trx, outcome)
      })
      return outcome
    }
    const succeeded = {
      claimedUntil: null,
      lastPolledAt: startedAt.toISOString(),
      lastSuccessAt: startedAt.toISOString(),
      failureCount: 0,
      nextPollAt: nextPoll(feed.pollIntervalSeconds),
    }
    if (fetched === 'not-modified' || !changes) {
      const outcome: PollOutcome = { feedId: feed.id, status: 'not-modified' }
      await withTransaction(db, async (trx) => {
        await trx
          .updateTable('wireFeeds')
          .set({ ...succeeded, lastError: null })
          .where('id', '=', feed.id)
          .execute()
        await record?.(trx, outcome)
      })
      return outcome
    }
    const { problems, etag, lastModified } = fetched
    const prepared = changes
    return withTransaction(db, async (trx) => {
      const stored = await storeWireItems(trx, prepared, clock.now())
      await trx
        .updateTable('wireFeeds')
        .set({
          ...succeeded,
          etag,
          lastModified,
          lastError: pollNotes(problems, truncated),
        })
        .where('id', '=', feed.id)
        .execute()
      const outcome: PollOutcome = {
        feedId: feed.id,
        status: 'stored',
        ...stored,
        problems,
        ...(truncated ? { truncated } : {}),
      }
      await record?.(trx, outcome)
      return outcome
    })
  }

  async function pollIfClaimed(
    id: number,
    isDueOnly: boolean,
    record?: PollRecorder,
  ): Promise<PollOutcome | undefined> {
    if (!(await claim(id, { isDueOnly }))) return undefined
    const feed = await findWireFeedRow(db, id)
    if (!feed) return undefined
    try {
      return await pollClaimed(feed, record)
    } catch (error) {
      // The store failed (not the feed): let go so the next check tries again.
      await db.updateTable('wireFeeds').set({ claimedUntil: null }).where('id', '=', id).execute()
      throw error
    }
  }

  return {
    /** Polls every enabled feed that is due and not held by another process. */
    async pollDueFeeds(): Promise<PollOutcome[]> {
      const now = clock.now().toISOString()
      const due = await db
        .selectFrom('wireFeeds')
        .select('id')
        .where('isEnabled', '=', 1)
        .where('nextPollAt', '<=', now)
        .where((eb) => eb.or([eb('claimedUntil', 'is', null), eb('claimedUntil', '<=', now)]))
        .orderBy('nextPollAt')
        .limit(100)
        .execute()
      const outcomes: PollOutcome[] = []
      for (let start = 0; start < due.length; start += FEEDS_AT_ONCE) {
        const batch = due.slice(start, start + FEEDS_AT_ONCE)
        const results = await Promise.all(batch.map(({ id }) => pollIfClaimed(id, true)))
        outcomes.push(...results.filter((result) => result !== undefined))
      }
      return outcomes
    },

    /**
     * Polls one feed now, due or not (the "poll now" button, `wires.manage`); the poll's result
     * and its audit entry (`wire_feed.polled`) are written in one transaction.
     */
    async pollNow(context: ChangeContext, id: number): Promise<PollOutcome> {
      assertPermission(context.actor, 'wires.manage')
      if (!(await findWireFeedRow(db, id)))
        throw new AppError('NOT_FOUND', `There is no feed ${id}`)
      const outcome = await pollIfClaimed(id, false, (trx, outcome) =>
        recordChange(
          trx,
          context,
          {
            action: 'wire_feed.polled',
            entityType: 'wire_feed',
            entityId: id,
            details: auditDetailsOf(outcome),
          },
          clock.now(),
        ),
      )
      if (!outcome) throw new AppError('WIRE_POLL_BUSY', 'This feed is being polled right now')
      return outcome
    },
  }
}

export type WireIngest = ReturnType<typeof createWireIngest>
