import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'

/** Events a replay reads at most; a reader further behind reloads instead. */
const REPLAY_LIMIT = 2000

/** What a resumed stream must send: the latest change of each entry since the reader's event. */
export type EntryReplay =
  | { isComplete: true; changes: { eventId: number; id: number; action: string }[] }
  /** The outbox no longer holds (or holds too many of) the events since the reader's. */
  | { isComplete: false }

/**
 * The entry changes of a story after outbox event `afterEventId`, one per entry (its newest
 * event, "created" if it was created meanwhile), oldest first, read from the outbox itself: the
 * same in every process. Incomplete when the outbox was pruned past the reader's event.
 */
export async function readEntryReplay(
  db: Kysely<Database>,
  input: { articleId: number; afterEventId: number },
): Promise<EntryReplay> {
  const [oldest, rows] = await Promise.all([
    db
      .selectFrom('events')
      .select((eb) => eb.fn.min('id').as('id'))
      .executeTakeFirst(),
    db
      .selectFrom('events')
      .innerJoin('liveEntries', 'liveEntries.id', 'events.entityId')
      .select(['events.id as eventId', 'events.entityId as id', 'events.action'])
      .where('events.entity', '=', 'live_entry')
      .where('events.id', '>', input.afterEventId)
      .where('liveEntries.articleId', '=', input.articleId)
      .orderBy('events.id')
      .limit(REPLAY_LIMIT + 1)
      .execute(),
  ])
  const oldestKept = Number(oldest?.id ?? 0)
  if (oldestKept > input.afterEventId + 1 || rows.length > REPLAY_LIMIT)
    return { isComplete: false }
  const latest = new Map<number, { eventId: number; id: number; action: string }>()
  for (const row of rows) {
    const id = Number(row.id)
    const wasCreated = latest.get(id)?.action === 'created'
    latest.delete(id)
    latest.set(id, {
      eventId: Number(row.eventId),
      id,
      action: wasCreated && row.action !== 'deleted' ? 'created' : row.action,
    })
  }
  return { isComplete: true, changes: [...latest.values()] }
}
