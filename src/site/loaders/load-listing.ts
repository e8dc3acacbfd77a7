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
import { cacheTags } from '../../page-cache/cache-tags.js'
import { siteUrls } from '../site-urls.js'
import type { ArticleCard, Link } from '../view-models.js'
import { loadCards } from './load-cards.js'
import type { SiteContext } from './load-frame.js'

const PAGE_SIZE = 12

export type ListingKind = 'section' | 'tag' | 'author' | 'source'

/** What a list of articles is about: its title, its page and the filter that finds its articles. */
export interface ListingScope {
  kind: ListingKind
  slug: string
  title: string
  description: string | undefined
  path: string
  trail: Link[]
  /** Other editions' versions of this list, for hreflang. */
  alternates: { hreflang: string; url: string }[]
  filter: PublishedArticleFilter
}

/** A page of a list of articles: a section, a tag, an author or a source. */
export interface ListingView extends ListingScope {
  cards: ArticleCard[]
  page: number
  pageCount: number
}

async function sectionScope(context: SiteContext, slug: string): Promise<ListingScope | undefined> {
  const language = context.frame.language
  const section = await findSectionBySlug(context.db, language, slug)
  if (!section) return undefined
  context.uses.add(cacheTags.sectionList(section.id, language))
  const translation = section.translations[language]
  return {
    kind: 'section',
    slug,
    title: translation?.name ?? slug,
    description: translation?.description ?? undefined,
    path: siteUrls.section(language, slug),
    trail: sectionTrail(context.sections, section.id).map((item) => ({
      label: item.translations[language]?.name ?? '',
      url: siteUrls.section(language, item.translations[language]?.slug ?? ''),
    })),
    alternates: Object.entries(section.translations).map(([code, other]) => ({
      hreflang: code,
      url: siteUrls.section(code, other.slug),
    })),
    filter: { language, sectionIds: sectionWithDescendantIds(context.sections, section.id) },
  }
}

async function tagScope(context: SiteContext, slug: string): Promise<ListingScope | undefined> {
  const language = context.frame.language
  const tag = await findTagBySlug(context.db, language, slug)
  if (!tag) return undefined
  context.uses.add(cacheTags.tagList(tag.id)).add(cacheTags.tag(tag.id))
  return {
    kind: 'tag',
    slug,
    title: context.frame.t('tagTitle', { tag: tag.name }),
    description: undefined,
    path: siteUrls.tag(language, slug),
    trail: [],
    alternates: [],
    filter: { language, tagId: tag.id },
  }
}

async function authorScope(context: SiteContext, slug: string): Promise<ListingScope | undefined> {
  const language = context.frame.language
  const author = await findAuthorBySlug(context.db, slug)
  if (!author) return undefined
  context.uses.add(cacheTags.authorList(author.id, language)).add(cacheTags.author(author.id))
  return {
    kind: 'author',
    slug,
    title: pickLocalized(author.name, language),
    description: pickLocalized(author.bio, language) || undefined,
    path: siteUrls.author(language, slug),
    trail: [],
    alternates: context.editions.map((edition) => ({
      hreflang: edition.code,
      url: siteUrls.author(edition.code, slug),
    })),
    filter: { language, authorId: author.id },
  }
}

async function sourceScope(context: SiteContext, slug: string): Promise<ListingScope | undefined> {
  const language = context.frame.language
  const source = await findSourceBySlug(context.db, slug)
  if (!source) return undefined
  context.uses.add(cacheTags.sourceList(source.id, language)).add(cacheTags.source(source.id))
  return {
    kind: 'source',
    slug,
    title: context.frame.t('sourceTitle', { source: pickLocalized(source.name, language) }),
    description: undefined,
    path: siteUrls.source(language, slug),
    trail: [],
    alternates: context.editions.map((edition) => ({
      hreflang: edition.code,
      url: siteUrls.source(edition.code, slug),
    })),
    filter: { language, sourceId: source.id },
  }
}

const SCOPES: Record<
  ListingKind,
  (context: SiteContext, slug: string) => Promise<ListingScope | undefined>
> = {
  section: sectionScope,
  tag: tagScope,
  author: authorScope,
  source: sourceScope,
}

/** Finds what a list is about from its kind and slug, or undefined when there is no such thing. */
export function resolveListingScope(
  context: SiteContext,
  kind: ListingKind,
  slug: string,
): Promise<ListingScope | undefined> {
  return SCOPES[kind](context, slug)
}

/** One page of a list's articles as cards. */
export async function loadListing(
  context: SiteContext,
  kind: ListingKind,
  slug: string,
  page: number,
): Promise<ListingView | undefined> {
  const scope = await resolveListingScope(context, kind, slug)
  if (!scope) return undefined
  const result = await listPublishedArticles(
    context.db,
    scope.filter,
    { page, pageSize: PAGE_SIZE },
    context.frame.now,
  )
  return {
    ...scope,
    cards: await loadCards(context, result.items),
    page: result.page,
    pageCount: result.pageCount,
  }
}
