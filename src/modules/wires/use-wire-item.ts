import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { AppError } from '../../errors/app-error.js'
import type { Clock } from '../../platform/clock.js'
import { actingUserId, assertPermission } from '../access/actor.js'
import type { Article } from '../articles/article.js'
import { listEditions } from '../editions/edition-queries.js'
import type { ArticleService, EditorialContext } from '../editorial/article-service.js'
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
 * as the article's source and the item's link as the source link. The item is taken first (a
 * conditional update from `new` to `used`), so two editors pressing Use at once get one draft;
 * if the draft cannot be made, the item goes back to `new`.
 */
export async function useWireItem(
  deps: { db: Kysely<Database>; clock: Clock; articles: ArticleService },
  context: EditorialContext,
  input: { id: number } & WireUse,
): Promise<Article> {
  const { db, clock } = deps
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
  const taken = await db
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
  let article: Article
  try {
    article = await deps.articles.create(context, {
      language,
      headline: item.headline,
      dek: item.summary,
      bodyDoc: item.bodyDoc,
      section,
      source: item.sourceId,
      sourceUrl: item.link,
      status: 'draft',
    })
  } catch (error) {
    await db
      .updateTable('wireItems')
      .set({ status: 'new', usedBy: null, usedAt: null })
      .where('id', '=', item.id)
      .execute()
    throw error
  }
  await db
    .updateTable('wireItems')
    .set({ articleId: article.id })
    .where('id', '=', item.id)
    .execute()
  return article
}
