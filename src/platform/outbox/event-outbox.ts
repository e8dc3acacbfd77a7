import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import type { ContentEventListener, DeliveredEvent } from '../events.js'
import { claimConsumer, lowestConsumerPosition, registerConsumer } from './consumer-lease.js'
import { eventOfRow } from './record-events.js'

/** Events read per query. */
const BATCH = 200
/** The newest events kept even when every consumer has read them (readers of slow processes). */
const KEPT_EVENTS = 10_000
const PRUNE_EVERY_MS = 10 * 60_000
const LONGEST_RETRY_MS = 60_000

/**
 * Work done once per site for each event, by whichever process holds the consumer's lease:
 * idempotent, since an event may reach it twice (a process that dies before it records progress).
 */
export interface SharedConsumer {
  name: string
  handle(events: DeliveredEvent[]): Promise<void>
  /** Writers wait for it after their commit (the search index); else it runs behind them. */
  isAwaitedByWriters: boolean
}

/** The outbox as one process reads it. */
export interface EventOutbox {
  /** Hears every committed event in this process (its page cache, its memos), in order. */
  subscribe(listener: ContentEventListener): () => void
  /** The id of the last event this process's listeners have heard (where they stand). */
  position(): number
  /** Registers work done once per site. */
  consume(consumer: SharedConsumer): void
  /**
   * Reads what has committed: this process's listeners and the awaited shared consumers are done
   * when it resolves; the other shared consumers go on behind. A writer calls it after its commit,
   * and the other processes of the machine are told to read too.
   */
  deliver(): Promise<void>
  /** Starts reading on a timer (and whenever `wake` is called): what other processes wrote. */
  start(): void
  wake(): void
  /**
   * Reads for this process's own consumers only: a sibling worker that committed says so, and
   * does the once-per-site work itself, so this process keeps its connection for its readers.
   */
  wakeForSibling(): void
  stop(): Promise<void>
}

interface ConsumerState {
  consumer: SharedConsumer
  run: Promise<void>
  retryAt: number
  failures: number
  isRegistered: boolean
  /** How far this process last saw the consumer: nothing to do until the outbox passes it. */
  knownPosition: number
}

/**
 * Opens this process's reader of the outbox. Its own listeners start after the events already
 * there (a new process has nothing cached that they could make stale); shared consumers resume
 * where the site last left them.
 */
export async function openEventOutbox(deps: {
  db: Kysely<Database>
  pollIntervalMs: number
  onError: (error: unknown, context: { consumer: string }) => void
  /** Tells the machine's other processes that this one committed events (cluster workers). */
  announce?: () => void
}): Promise<EventOutbox> {
  const { db } = deps
  const holder = randomUUID()
  const listeners = new Set<ContentEventListener>()
  const consumers: ConsumerState[] = []
  let position = await newestEventId(db)
  let localRun: Promise<void> = Promise.resolve()
  let lastPruneAt = 0
  let timer: NodeJS.Timeout | undefined
  let isStopped = false

  async function readAfter(after: number): Promise<DeliveredEvent[]> {
    const rows = await db
      .selectFrom('events')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute()
    return rows.map(eventOfRow)
  }

  async function deliverLocally(): Promise<void> {
    for (;;) {
      const events = await readAfter(position)
      for (const event of events) {
        for (const listener of listeners) {
          try {
            await listener(event)
          } catch (error) {
            deps.onError(error, { consumer: 'this process' })
          }
        }
        position = event.eventId
      }
      if (events.length < BATCH) return
    }
  }

  async function runShared(state: ConsumerState): Promise<void> {
    if (Date.now() < state.retryAt) return
    if (state.isRegistered && state.knownPosition >= position) return
    if (!state.isRegistered) {
      await registerConsumer(db, state.consumer.name)
      state.isRegistered = true
    }
    const lease = await claimConsumer(db, state.consumer.name, holder)
    if (!lease) return
    let done = lease.position
    try {
      for (;;) {
        const events = await readAfter(done)
        if (events.length === 0) break
        await state.consumer.handle(events)
        done = events[events.length - 1]?.eventId ?? done
        if (events.length < BATCH) break
        if (!(await lease.advance(done))) return
      }
      state.failures = 0
    } catch (error) {
      state.failures += 1
      state.retryAt = Date.now() + Math.min(250 * 2 ** state.failures, LONGEST_RETRY_MS)
      deps.onError(error, { consumer: state.consumer.name })
    } finally {
      state.knownPosition = done
      await lease.release(done)
    }
  }

  /**
   * Queues one more run behind the consumer's current one, so a consumer never runs twice at once,
   * and behind this process's own reading, which tells how far the outbox goes.
   */
  function scheduleShared(state: ConsumerState, localReading: Promise<void>): Promise<void> {
    state.run = Promise.all([state.run, localReading])
      .then(() => runShared(state))
      .catch((error: unknown) => {
        deps.onError(error, { consumer: state.consumer.name })
      })
    return state.run
  }

  async function pruneNowAndThen(): Promise<void> {
    if (Date.now() - lastPruneAt < PRUNE_EVERY_MS) return
    lastPruneAt = Date.now()
    const consumed = await lowestConsumerPosition(db)
    if (consumed === undefined) return
    const prunable = Math.min(consumed, (await newestEventId(db)) - KEPT_EVENTS)
    if (prunable > 0) await db.deleteFrom('events').where('id', '<=', prunable).execute()
  }

  /** Queues a reading for this process's own listeners behind the one under way. */
  function readLocally(): Promise<void> {
    localRun = localRun.then(deliverLocally).catch((error: unknown) => {
      deps.onError(error, { consumer: 'this process' })
    })
    return localRun
  }

  function readOutbox(): Promise<void> {
    const local = readLocally()
    const awaited = consumers.map((state) => {
      const run = scheduleShared(state, local)
      return state.consumer.isAwaitedByWriters ? run : Promise.resolve()
    })
    return Promise.all([local, ...awaited]).then(() => undefined)
  }

  function tick(): void {
    if (isStopped) return
    void readOutbox()
      .then(() => pruneNowAndThen())
      .catch((error: unknown) => deps.onError(error, { consumer: 'pruning' }))
  }

  return {
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    position: () => position,
    consume(consumer) {
      consumers.push({
        consumer,
        run: Promise.resolve(),
        retryAt: 0,
        failures: 0,
        isRegistered: false,
        knownPosition: 0,
      })
    },
    deliver() {
      deps.announce?.()
      return readOutbox()
    },
    start() {
      if (timer) return
      timer = setInterval(tick, deps.pollIntervalMs)
      timer.unref()
      tick()
    },
    wake: tick,
    wakeForSibling() {
      if (!isStopped) void readLocally()
    },
    async stop() {
      isStopped = true
      clearInterval(timer)
      timer = undefined
      await Promise.all([localRun, ...consumers.map((state) => state.run)])
    },
  }
}

async function newestEventId(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst()
  return Number(row?.id ?? 0)
}

/** What a service needs of the outbox: to deliver its committed change before it answers. */
export type OutboxDelivery = Pick<EventOutbox, 'deliver'>

/**
 * After a write commits: delivers its events here, so the writer's answer follows fresh pages.
 * A write made inside a caller's transaction has not committed yet: the caller delivers once it
 * has (or the reader's timer does).
 */
export async function deliverAfterCommit(
  db: Kysely<Database>,
  outbox: OutboxDelivery,
): Promise<void> {
  if (!db.isTransaction) await outbox.deliver()
}
