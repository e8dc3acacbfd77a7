import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { withTransaction } from '../../db/transaction.js'
import { AppError } from '../../errors/app-error.js'
import type { Clock } from '../../platform/clock.js'
import type { ContentAction } from '../../platform/events.js'
import { deliverAfterCommit, type OutboxDelivery } from '../../platform/outbox/event-outbox.js'
import { assertPermission } from '../access/actor.js'
import { recordChange, type ChangeContext } from '../audit/record-change.js'
import { createPage, findPageById, updatePage, type NewPage, type Page } from './page-queries.js'

/** What a change to a page may set; its edition stays. */
export type PageChanges = Partial<Omit<NewPage, 'language'>>

interface Deps {
  db: Kysely<Database>
  clock: Clock
  outbox: OutboxDelivery
}

async function findOrThrow(db: Kysely<Database>, id: number): Promise<Page> {
  const page = await findPageById(db, id)
  if (!page) throw new AppError('NOT_FOUND', `There is no page ${id}`)
  return page
}

/** The event a change makes: going live, leaving, or an edit. */
function eventActionOf(before: Page, after: Page): ContentAction {
  if (before.status === after.status) return 'updated'
  return after.status === 'published' ? 'published' : 'unpublished'
}

/**
 * The newsroom's operations on static pages. Each change, its audit entry and its `page` event
 * commit in one transaction, and the event is delivered before the call returns.
 */
export function createPageService({ db, clock, outbox }: Deps) {
  async function record(
    trx: Kysely<Database>,
    context: ChangeContext,
    change: { action: ContentAction; id: number },
  ): Promise<void> {
    await recordChange(
      trx,
      context,
      {
        action: `page.${change.action}`,
        entityType: 'page',
        entityId: change.id,
        events: [{ entity: 'page', action: change.action, id: change.id }],
      },
      clock.now(),
    )
  }

  return {
    /** Adds a page; a slug its edition already uses is a CONFLICT. */
    async create(context: ChangeContext, input: NewPage): Promise<Page> {
      assertPermission(context.actor, 'pages.write')
      const page = await withTransaction(db, async (trx) => {
        const id = await createPage(trx, input, clock.now())
        await record(trx, context, { action: 'created', id })
        return findOrThrow(trx, id)
      })
      await deliverAfterCommit(db, outbox)
      return page
    },

    /** Changes a page; a change of status is told as `published` or `unpublished`. */
    async update(context: ChangeContext, id: number, changes: PageChanges): Promise<Page> {
      assertPermission(context.actor, 'pages.write')
      const page = await withTransaction(db, async (trx) => {
        const before = await findOrThrow(trx, id)
        await updatePage(trx, id, changes, clock.now())
        const after = await findOrThrow(trx, id)
        await record(trx, context, { action: eventActionOf(before, after), id })
        return after
      })
      await deliverAfterCommit(db, outbox)
      return page
    },

    async remove(context: ChangeContext, id: number): Promise<void> {
      assertPermission(context.actor, 'pages.write')
      await withTransaction(db, async (trx) => {
        await findOrThrow(trx, id)
        await trx.deleteFrom('pages').where('id', '=', id).execute()
        await record(trx, context, { action: 'deleted', id })
      })
      await deliverAfterCommit(db, outbox)
    },
  }
}

export type PageService = ReturnType<typeof createPageService>
