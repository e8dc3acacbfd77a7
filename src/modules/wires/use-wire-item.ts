import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { withTransaction } from '../../db/transaction.js'
import { AppError } from '../../errors/app-error.js'
import type { Clock } from '../../platform/clock.js'
import { deliverAfterCommit, type OutboxDelivery } from '../../platform/outbox/event-outbox.js'
import { actingUserId, assertPermission } from '../access/actor.js'
import type { Article } from '../articles/article.js'
import type { ChangeContext } from '../access/actor.js'
import { listEditions } from '../editions/edition-queries.js'
import { createArticleService } from '../editorial/article-service.js'
import { listSections } from '../sections/section-queries.js'
import { findWireItem } from './wire-item-queries.js'

export interface WireUse {
  /** The edition of the draft; the item's language when omitted. */
  language?: string
  /** The draft's section (slug or id); the first section of the site when omitted. */
  section?: string | number
}

/**
 * Turns a queued item into a new draft: its headline, summary (as the dek) and body, the agency
 * as the article's source and the item's link as the source link. One transaction takes the item
 * (a conditional update from `new` to `used`, so two editors pressing Use at once get one draft)
 * and creates the draft through the article service bound to it, with the draft's revision, audit
 * entry and events: either both the draft and the used item commit, or neither does.
 */
export async function useWireItem(
  deps: { db: Kysely<Database>; clock: Clock; outbox: OutboxDelivery },
  context: ChangeContext,
  input: { id: number } & WireUse,
): Promise<Article> {
  const { db, clock, outbox } = deps
  assertPermission(context.actor, 'wires.use')
  assertPermission(context.actor, 'articles.write')
  const item = await findWireItem(db, input.id)
  if (!item) throw new AppError('NOT_FOUND', `There is no wire item ${input.id}`)
  const language = input.language ?? item.language
  const editions = await listEditions(db)
  if (!editions.some((edition) => edition.code === language)) {
    throw new AppError('VALIDATION_FAILED', `There is no ${language} edition`, {
      property: 'language',
    })
  }
  const section =
    input.section ?? (await listSections(db)).find((candidate) => candidate.parentId === null)?.id
  if (section === undefined) {
    throw new AppError('VALIDATION_FAILED', 'The site has no section yet', { property: 'section' })
  }
  const article = await withTransaction(db, async (trx) => {
    const taken = await trx
      .updateTable('wireItems')
      .set({
        status: 'used',
        usedBy: actingUserId(context.actor),
        usedAt: clock.now().toISOString(),
      })
      .where('id', '=', item.id)
      .where('status', '=', 'new')
      .executeTakeFirst()
    if (Number(taken.numUpdatedRows) !== 1) {
      throw new AppError('WIRE_ITEM_USED', 'This wire item has already been used')
    }
    // Bound to this transaction, the service writes inside it and leaves delivery to us.
    const articles = createArticleService({ db: trx, clock, outbox })
    const draft = await articles.create(context, {
      language,
      headline: item.headline,
      dek: item.summary,
      bodyDoc: item.bodyDoc,
      section,
      source: item.sourceId,
      sourceUrl: item.link,
      status: 'draft',
    })
    await trx
      .updateTable('wireItems')
      .set({ articleId: draft.id })
      .where('id', '=', item.id)
      .execute()
    return draft
  })
  await deliverAfterCommit(db, outbox)
  return article
}
