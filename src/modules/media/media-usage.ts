import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { findArticlesShowing } from '../articles/article-references.js'
import { articlesOwnedBy } from '../articles/newsroom-article-queries.js'
import { findPagesShowing } from '../pages/page-references.js'
import { parseLocalized, pickLocalized } from '../../platform/localized-text.js'

/** A place that shows a media item, so deleting it would break a page. */
export interface MediaUsage {
  kind: 'articleHero' | 'articleBody' | 'articleSeo' | 'pageBody' | 'gallery' | 'authorAvatar'
  id: number
  label: string
}

function add(usages: Map<number, MediaUsage[]>, mediaId: number, usage: MediaUsage): void {
  const list = usages.get(mediaId) ?? []
  list.push(usage)
  usages.set(mediaId, list)
}

/** Body images, from the reference rows every article and page save keeps. */
async function addBodyUsages(
  db: Kysely<Database>,
  ids: number[],
  usages: Map<number, MediaUsage[]>,
): Promise<void> {
  const [articles, pages] = await Promise.all([
    findArticlesShowing(db, { kind: 'media', ids }),
    findPagesShowing(db, { kind: 'media', ids }),
  ])
  for (const row of articles)
    add(usages, row.targetId, { kind: 'articleBody', id: row.id, label: row.headline })
  for (const row of pages)
    add(usages, row.targetId, { kind: 'pageBody', id: row.id, label: row.title })
}

async function addSeoUsages(
  db: Kysely<Database>,
  ids: number[],
  usages: Map<number, MediaUsage[]>,
): Promise<void> {
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'headline', 'seo'])
    .where(sql<string>`cast(seo as text)`, 'like', '%imageMediaId%')
    .execute()
  for (const row of rows) {
    const seo = (typeof row.seo === 'string' ? JSON.parse(row.seo) : row.seo) as {
      imageMediaId?: unknown
    }
    if (typeof seo.imageMediaId === 'number' && ids.includes(seo.imageMediaId))
      add(usages, seo.imageMediaId, { kind: 'articleSeo', id: row.id, label: row.headline })
  }
}

/**
 * Where each media item is used: as an article's hero, SEO image or body image, in a page body, in a
 * gallery, or as an author's portrait. Items used nowhere are absent from the map.
 */
export async function findMediaUsage(
  db: Kysely<Database>,
  mediaIds: number[],
): Promise<Map<number, MediaUsage[]>> {
  const ids = [...new Set(mediaIds)]
  const usages = new Map<number, MediaUsage[]>()
  if (ids.length === 0) return usages
  const [heroes, galleries, authors] = await Promise.all([
    db
      .selectFrom('articles')
      .select(['id', 'headline', 'heroMediaId'])
      .where('heroMediaId', 'in', ids)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('galleryItems')
      .innerJoin('galleries', 'galleries.id', 'galleryItems.galleryId')
      .select(['galleries.id', 'galleries.title', 'galleryItems.mediaId'])
      .where('galleryItems.mediaId', 'in', ids)
      .orderBy('galleries.id')
      .execute(),
    db
      .selectFrom('authors')
      .select(['id', 'slug', 'avatarMediaId'])
      .where('avatarMediaId', 'in', ids)
      .execute(),
  ])
  for (const row of heroes)
    if (row.heroMediaId !== null)
      add(usages, row.heroMediaId, { kind: 'articleHero', id: row.id, label: row.headline })
  for (const row of galleries)
    add(usages, row.mediaId, {
      kind: 'gallery',
      id: row.id,
      label: pickLocalized(parseLocalized(row.title), 'en'),
    })
  for (const row of authors)
    if (row.avatarMediaId !== null)
      add(usages, row.avatarMediaId, { kind: 'authorAvatar', id: row.id, label: row.slug })
  await addBodyUsages(db, ids, usages)
  await addSeoUsages(db, ids, usages)
  return usages
}

/** Keeps the usages a viewer may open: their own articles only, and pages only if they read pages. */
export async function filterVisibleUsages(
  db: Kysely<Database>,
  usages: MediaUsage[],
  viewer: { ownArticlesOf?: number; canReadPages?: boolean },
): Promise<MediaUsage[]> {
  const isArticle = (usage: MediaUsage) => usage.kind.startsWith('article')
  let visible =
    viewer.canReadPages === false ? usages.filter((usage) => usage.kind !== 'pageBody') : usages
  const ownerId = viewer.ownArticlesOf
  const articleIds = visible.filter(isArticle).map((usage) => usage.id)
  if (ownerId === undefined || articleIds.length === 0) return visible
  const own = await db
    .selectFrom('articles')
    .select('id')
    .where('id', 'in', articleIds)
    .where('id', 'in', (eb) => articlesOwnedBy(eb, ownerId))
    .execute()
  const ownIds = new Set(own.map((row) => row.id))
  visible = visible.filter((usage) => !isArticle(usage) || ownIds.has(usage.id))
  return visible
}
