import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import { findArticleById, listTranslations } from '../modules/articles/article-queries.js'
import { findArticleLinks } from '../modules/articles/article-updates.js'
import { listEditions } from '../modules/editions/edition-queries.js'
import { listSections, sectionTrail, type Section } from '../modules/sections/section-queries.js'
import type { ContentEvent } from '../platform/events.js'
import { cacheTags } from './cache-tags.js'

/** Where an article is listed, before or after a change. */
interface Placement {
  language: string
  sectionId: number
  sourceId: number | null
  tagIds: number[]
  authorIds: number[]
  translationGroup: string | null
  isLive: boolean
}

function placementOf(previous: Record<string, unknown> | undefined): Placement | undefined {
  if (!previous || typeof previous['language'] !== 'string') return undefined
  const ids = (value: unknown) => (Array.isArray(value) ? value.map(Number) : [])
  return {
    language: previous['language'],
    sectionId: Number(previous['sectionId']),
    sourceId:
      previous['sourceId'] === null || previous['sourceId'] === undefined
        ? null
        : Number(previous['sourceId']),
    tagIds: ids(previous['tagIds']),
    authorIds: ids(previous['authorIds']),
    translationGroup:
      typeof previous['translationGroup'] === 'string' ? previous['translationGroup'] : null,
    isLive: previous['status'] === 'published',
  }
}

/** The lists an article placed here appears in. */
function listTags(placement: Placement, sections: Section[], into: Set<string>): void {
  const { language } = placement
  into.add(cacheTags.edition(language))
  into.add(cacheTags.search(language))
  into.add(cacheTags.sitemaps(language))
  for (const section of sectionTrail(sections, placement.sectionId))
    into.add(cacheTags.sectionList(section.id, language))
  for (const id of placement.tagIds) into.add(cacheTags.tagList(id))
  for (const id of placement.authorIds) into.add(cacheTags.authorList(id, language))
  if (placement.sourceId !== null) into.add(cacheTags.sourceList(placement.sourceId, language))
  if (placement.translationGroup) into.add(cacheTags.translations(placement.translationGroup))
}

/**
 * The tags to purge after an article changed: the pages that showed it (`a:{id}`) and, when it is
 * or was live, every list it is or was in (home, sections up its trail, tags, authors, source,
 * feeds, search and sitemaps of its edition, and its translations' pages and sitemaps). A draft's
 * change purges only its own tag, which nothing public carries.
 */
async function articleTags(db: Kysely<Database>, event: ContentEvent): Promise<string[]> {
  const tags = new Set([cacheTags.article(event.id)])
  const article = await findArticleById(db, event.id)
  const links = article && (await findArticleLinks(db, [event.id])).get(event.id)
  const placements = [placementOf(event.previous)]
  if (article)
    placements.push({
      language: article.language,
      sectionId: article.sectionId,
      sourceId: article.sourceId,
      tagIds: links?.tagIds ?? [],
      authorIds: links?.authorIds ?? [],
      translationGroup: article.translationGroup,
      isLive: article.status === 'published',
    })
  const listed = placements.filter((placement): placement is Placement => !!placement?.isLive)
  if (listed.length === 0) return [...tags]
  const sections = await listSections(db)
  for (const placement of listed) listTags(placement, sections, tags)
  if (article?.isBreaking) tags.add(cacheTags.breaking(article.language))
  // Monthly sitemaps pair each article with its translations (hreflang).
  for (const translation of await listTranslations(db, event.id))
    tags.add(cacheTags.sitemaps(translation.language))
  return [...tags]
}

/** The cache tags a content change makes stale. */
export async function purgeTagsOf(db: Kysely<Database>, event: ContentEvent): Promise<string[]> {
  switch (event.entity) {
    case 'article':
      return articleTags(db, event)
    case 'tag':
      return [cacheTags.tag(event.id), cacheTags.tagList(event.id), cacheTags.taxonomy]
    case 'author': {
      const editions = await listEditions(db)
      return [
        cacheTags.author(event.id),
        ...editions.map((edition) => cacheTags.authorList(event.id, edition.code)),
        cacheTags.taxonomy,
      ]
    }
    case 'source': {
      const editions = await listEditions(db)
      return [
        cacheTags.source(event.id),
        ...editions.map((edition) => cacheTags.sourceList(event.id, edition.code)),
        cacheTags.taxonomy,
      ]
    }
    case 'media':
      return [cacheTags.media(event.id)]
    case 'gallery':
      return [cacheTags.gallery(event.id)]
    case 'live_entry':
      // The story's page, its entries' feeds and polling answers all carry the story's tag.
      return [cacheTags.article(Number(event.previous?.['articleId']))]
    case 'page':
    case 'section':
    case 'settings':
      return [cacheTags.site]
  }
}
