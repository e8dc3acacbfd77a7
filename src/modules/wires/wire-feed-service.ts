import type { Kysely } from 'kysely'
import type { z } from 'zod'
import type { Database } from '../../db/database.js'
import { withTransaction } from '../../db/transaction.js'
import { AppError } from '../../errors/app-error.js'
import type { Clock } from '../../platform/clock.js'
import { assertPermission } from '../access/actor.js'
import { recordChange } from '../audit/record-change.js'
import type { ChangeContext } from '../access/actor.js'
import { findSourcesByIds } from '../sources/source-queries.js'
import {
  createWireFeed,
  deleteWireFeed,
  findWireFeedRow,
  toWireFeed,
  updateWireFeed,
  type WireFeed,
  type WireFeedInput,
  type WireFeedRow,
} from './wire-feed-queries.js'
import type { WIRE_FEED, WIRE_FEED_CHANGES } from './wire-schemas.js'

/** A new feed as the Admin API takes it. */
export type NewWireFeed = z.output<typeof WIRE_FEED>
/** Changes to a feed; a field left out stays as it is. */
export type WireFeedChanges = z.output<typeof WIRE_FEED_CHANGES>

async function assertFeedIsValid(
  db: Kysely<Database>,
  feed: Pick<WireFeedInput, 'sourceId' | 'url' | 'folder'>,
): Promise<void> {
  if (Boolean(feed.url) === Boolean(feed.folder)) {
    throw new AppError('VALIDATION_FAILED', 'A feed needs either a url or a folder, not both', {
      property: feed.url ? 'folder' : 'url',
    })
  }
  if (!(await findSourcesByIds(db, [feed.sourceId])).has(feed.sourceId)) {
    throw new AppError('VALIDATION_FAILED', `There is no source ${feed.sourceId}`, {
      property: 'sourceId',
    })
  }
}

/**
 * Adding, changing and removing agency feeds (`wires.manage`). Each change is stored with its
 * audit entry in one transaction; feeds are not content, so no event is recorded or delivered.
 */
export function createWireFeedService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps

  async function load(from: Kysely<Database>, id: number): Promise<WireFeedRow> {
    const row = await findWireFeedRow(from, id)
    if (!row) throw new AppError('NOT_FOUND', `There is no feed ${id}`)
    return row
  }

  /** Runs one change with its audit entry in one transaction. */
  async function change<T>(
    context: ChangeContext,
    action: 'created' | 'updated' | 'deleted',
    write: (
      trx: Kysely<Database>,
    ) => Promise<{ id: number; result: T; details?: Record<string, unknown> }>,
  ): Promise<T> {
    assertPermission(context.actor, 'wires.manage')
    return withTransaction(db, async (trx) => {
      const { id, result, details } = await write(trx)
      await recordChange(
        trx,
        context,
        { action: `wire_feed.${action}`, entityType: 'wire_feed', entityId: id, details },
        clock.now(),
      )
      return result
    })
  }

  return {
    /** Adds a feed, due for its first poll at once. */
    create(context: ChangeContext, input: NewWireFeed): Promise<WireFeed> {
      return change(context, 'created', async (trx) => {
        const feed = { ...input, url: input.url ?? null, folder: input.folder ?? null }
        await assertFeedIsValid(trx, feed)
        const id = await createWireFeed(trx, feed, clock.now())
        return { id, result: toWireFeed(await load(trx, id)) }
      })
    },

    /** Changes a feed; a new address or format makes it due at once. */
    update(context: ChangeContext, id: number, changes: WireFeedChanges): Promise<WireFeed> {
      return change(context, 'updated', async (trx) => {
        const current = await load(trx, id)
        await assertFeedIsValid(trx, {
          sourceId: changes.sourceId ?? current.sourceId,
          url: changes.url === undefined ? current.url : changes.url,
          folder: changes.folder === undefined ? current.folder : changes.folder,
        })
        await updateWireFeed(trx, current, changes, clock.now())
        return { id, result: toWireFeed(await load(trx, id)) }
      })
    },

    /** Stops polling a feed; the items it brought stay in the queue. */
    remove(context: ChangeContext, id: number): Promise<void> {
      return change(context, 'deleted', async (trx) => {
        const current = await load(trx, id)
        await deleteWireFeed(trx, id)
        return { id, result: undefined, details: { name: current.name } }
      })
    },
  }
}

export type WireFeedService = ReturnType<typeof createWireFeedService>
