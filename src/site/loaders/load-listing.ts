import {
  listPublishedArticles,
  type PublishedArticleFilter,
} from '../../modules/articles/article-queries.js'
import { findAuthorBySlug } from '../../modules/authors/author-queries.js'
import {
  findSectionBySlug,
  sectionTrail,
  sectionWithDescendantIds,
} from '../../modules/sections/section-queries.js'
import { findSourceBySlug } from '../../modules/sources/source-queries.js'
import { findTagBySlug } from '../../modules/tags/tag-queries.js'
import { pickLocalized } from '../../platform/localized-text.js'
import { siteUrls } from '../site-urls.js'
import type { ArticleCard, Link } from '../view-models.js'
import { loadCards } from './load-cards.js'
import type { SiteContext } from './load-frame.js'

const PAGE_SIZE = 12

/** A paginated list of articles: a section, a tag, an author or a source. */
export interface ListingView {
  kind: 'section' | 'tag' | 'author' | 'source'
  title: string
  description: string | undefined
  path: string
  trail: Link[]
  cards: ArticleCard[]
  page: number
  pageCount: number
  /** Other editions' versions of this list, for hreflang. */
  alternates: { hreflang: string; url: string }[]
}

async function listing(
  context: SiteContext,
  base: Omit<ListingView, 'cards' | 'page' | 'pageCount'>,
  filter: PublishedArticleFilter,
  page: number,
): Promise<ListingView> {
  const result = await listPublishedArticles(
    context.db,
    filter,
    { page, pageSize: PAGE_SIZE },
    context.frame.now,
  )
  return {
    ...base,
    cards: await loadCards(context, result.items),
    page: result.page,
    pageCount: result.pageCount,
  }
}

/** A section page: its articles and those of its sub-sections. */
export async function loadSectionListing(
  context: SiteContext,
  slug: string,
  page: number,
): Promise<ListingView | undefined> {
  const language = context.frame.language
  const section = await findSectionBySlug(context.db, language, slug)
  if (!section) return undefined
  const translation = section.translations[language]
  const toLink = (item: typeof section) => ({
    label: item.translations[language]?.name ?? '',
    url: siteUrls.section(language, item.translations[language]?.slug ?? ''),
  })
  return listing(
    context,
    {
      kind: 'section',
      title: translation?.name ?? slug,
      description: translation?.description ?? undefined,
      path: siteUrls.section(language, slug),
      trail: sectionTrail(context.sections, section.id).map(toLink),
      alternates: Object.entries(section.translations).map(([code, other]) => ({
        hreflang: code,
        url: siteUrls.section(code, other.slug),
      })),
    },
    { language, sectionIds: sectionWithDescendantIds(context.sections, section.id) },
    page,
  )
}

export async function loadTagListing(
  context: SiteContext,
  slug: string,
  page: number,
): Promise<ListingView | undefined> {
  const language = context.frame.language
  const tag = await findTagBySlug(context.db, language, slug)
  if (!tag) return undefined
  const path = siteUrls.tag(language, slug)
  const title = context.frame.t('tagTitle', { tag: tag.name })
  return listing(
    context,
    { kind: 'tag', title, description: undefined, path, trail: [], alternates: [] },
    { language, tagId: tag.id },
    page,
  )
}

export async function loadAuthorListing(
  context: SiteContext,
  slug: string,
  page: number,
): Promise<ListingView | undefined> {
  const language = context.frame.language
  const author = await findAuthorBySlug(context.db, slug)
  if (!author) return undefined
  return listing(
    context,
    {
      kind: 'author',
      title: pickLocalized(author.name, language),
      description: pickLocalized(author.bio, language) || undefined,
      path: siteUrls.author(language, slug),
      trail: [],
      alternates: context.editions.map((edition) => ({
        hreflang: edition.code,
        url: siteUrls.author(edition.code, slug),
      })),
    },
    { language, authorId: author.id },
    page,
  )
}

export async function loadSourceListing(
  context: SiteContext,
  slug: string,
  page: number,
): Promise<ListingView | undefined> {
  const language = context.frame.language
  const source = await findSourceBySlug(context.db, slug)
  if (!source) return undefined
  return listing(
    context,
    {
      kind: 'source',
      title: context.frame.t('sourceTitle', { source: pickLocalized(source.name, language) }),
      description: undefined,
      path: siteUrls.source(language, slug),
      trail: [],
      alternates: context.editions.map((edition) => ({
        hreflang: edition.code,
        url: siteUrls.source(edition.code, slug),
      })),
    },
    { language, sourceId: source.id },
    page,
  )
}
