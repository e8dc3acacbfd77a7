import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import type { ArticleSummary } from '../../modules/articles/article.js'
import {
  listLiveArticleBatch,
  listLiveTranslationsOf,
  listPublicationMonthParts,
  listPublicationMonths,
} from '../../modules/articles/article-queries.js'
import { listAuthors } from '../../modules/authors/author-queries.js'
import type { Edition } from '../../modules/editions/edition-queries.js'
import { findMediaByIds } from '../../modules/media/media-queries.js'
import { listFooterPages } from '../../modules/pages/page-queries.js'
import type { Section } from '../../modules/sections/section-queries.js'
import { listTagsWithCounts } from '../../modules/tags/tag-queries.js'
import { siteUrls } from '../site-urls.js'
import type { SitemapUrl } from './render-sitemap.js'

/** Articles read per query while a monthly sitemap streams out. */
const BATCH_SIZE = 500
/** Google News sitemaps list articles of the last two days, at most 1,000 (STANDARDS §1.2). */
const NEWS_WINDOW_MS = 48 * 3_600_000
const NEWS_LIMIT = 1000
/** URLs in one sitemap file (sitemaps.org); a month with more is served in parts. */
export const SITEMAP_URL_LIMIT = 50_000

export interface SitemapContext {
  db: Kysely<Database>
  siteUrl: string
  now: Date
  editions: Edition[]
  sections: Section[]
  publicationName: (language: string) => string
  /** URLs per sitemap file: SITEMAP_URL_LIMIT, or fewer in tests. */
  urlLimit: number
}

/** A child sitemap; a month's articles come in parts 1, 2, … of at most `urlLimit` URLs. */
export type SitemapName =
  | { kind: 'articles'; language: string; month: string; part: number }
  | { kind: 'news' | 'sections' | 'tags' | 'authors' | 'pages'; language: string }

/** The path of a child sitemap: `articles-en-2026-11.xml` for a month's first part, then `…-2.xml`. */
export function sitemapPath(name: SitemapName): string {
  if (name.kind !== 'articles') return `/sitemaps/${name.kind}-${name.language}.xml`
  const suffix = name.part > 1 ? `-${name.part}` : ''
  return `/sitemaps/articles-${name.language}-${name.month}${suffix}.xml`
}

/** Reads a child sitemap's file name back, or undefined; each sitemap has exactly one name. */
export function parseSitemapFile(file: string): SitemapName | undefined {
  const monthly =
    /^articles-([a-z]{2,3})-(\d{4}-(?:0[1-9]|1[0-2]))(?:-([2-9]|[1-9]\d{1,5}))?\.xml$/.exec(file)
  if (monthly)
    return {
      kind: 'articles',
      language: monthly[1] ?? '',
      month: monthly[2] ?? '',
      part: monthly[3] ? Number(monthly[3]) : 1,
    }
  const other = /^(news|sections|tags|authors|pages)-([a-z]{2,3})\.xml$/.exec(file)
  return other ? { kind: other[1] as 'news', language: other[2] ?? '' } : undefined
}

/** Every child sitemap with its last change: the monthly archives, news, sections, tags, authors, pages. */
export async function listSitemaps(
  context: SitemapContext,
): Promise<{ name: SitemapName; lastmod?: string }[]> {
  const entries: { name: SitemapName; lastmod?: string }[] = []
  for (const edition of context.editions) {
    const language = edition.code
    const months = await listPublicationMonths(context.db, language, context.now)
    entries.push({ name: { kind: 'news', language }, lastmod: months[0]?.lastModified })
    for (const month of months) {
      const parts =
        month.count > context.urlLimit
          ? await listPublicationMonthParts(
              context.db,
              { language, month: month.month, size: context.urlLimit },
              context.now,
            )
          : [{ part: 1, lastModified: month.lastModified }]
      for (const { part, lastModified } of parts)
        entries.push({
          name: { kind: 'articles', language, month: month.month, part },
          lastmod: lastModified,
        })
    }
    for (const kind of ['sections', 'tags', 'authors', 'pages'] as const)
      entries.push({ name: { kind, language } })
  }
  return entries
}

function articleUrl(
  context: SitemapContext,
  article: Pick<ArticleSummary, 'id' | 'language' | 'slug' | 'sectionId'>,
): string {
  const section = context.sections.find((candidate) => candidate.id === article.sectionId)
  const sectionSlug = section?.translations[article.language]?.slug ?? 'news'
  return `${context.siteUrl}${siteUrls.article({ language: article.language, sectionSlug, id: article.id, slug: article.slug })}`
}

/** The sitemap entries of a batch of articles: hreflang pairs (with x-default) and hero images. */
async function articleUrls(
  context: SitemapContext,
  articles: ArticleSummary[],
  withNews: boolean,
): Promise<SitemapUrl[]> {
  const ids = articles.map((article) => article.id)
  const [translations, media] = await Promise.all([
    listLiveTranslationsOf(context.db, ids, context.now),
    findMediaByIds(
      context.db,
      articles.flatMap((article) => (article.heroMediaId === null ? [] : [article.heroMediaId])),
    ),
  ])
  return articles.map((article) => {
    const loc = articleUrl(context, article)
    const versions = [
      { hreflang: article.language, href: loc },
      ...(translations.get(article.id) ?? []).map((other) => ({
        hreflang: other.language,
        href: articleUrl(context, other),
      })),
    ]
    const hero = article.heroMediaId === null ? undefined : media.get(article.heroMediaId)
    return {
      loc,
      lastmod: article.updatedAt,
      alternates:
        versions.length > 1
          ? [
              ...versions,
              {
                hreflang: 'x-default',
                href: versions.find((version) => version.hreflang === 'en')?.href ?? loc,
              },
            ]
          : [],
      images: hero ? [`${context.siteUrl}${siteUrls.media(hero.storageKey)}`] : [],
      news: withNews
        ? {
            publicationName: context.publicationName(article.language),
            language: article.language,
            publicationDate: article.publishedAt ?? article.updatedAt,
            title: article.headline,
          }
        : undefined,
    }
  })
}

/**
 * The figures of one part of a month of an edition's archive, or undefined when the month has no
 * such part: its own count and last change, and those of the whole month, whose every change can
 * move articles from one part to the next.
 */
export async function findMonthPart(
  context: SitemapContext,
  name: Extract<SitemapName, { kind: 'articles' }>,
): Promise<
  | { count: number; lastModified: string; month: { count: number; lastModified: string } }
  | undefined
> {
  const month = (
    await listPublicationMonths(context.db, name.language, context.now, name.month)
  ).find((candidate) => candidate.month === name.month)
  if (!month) return undefined
  if (month.count <= context.urlLimit)
    return name.part === 1
      ? { count: month.count, lastModified: month.lastModified, month }
      : undefined
  const part = (
    await listPublicationMonthParts(
      context.db,
      { language: name.language, month: name.month, size: context.urlLimit },
      context.now,
    )
  ).find((candidate) => candidate.part === name.part)
  return part && { count: part.count, lastModified: part.lastModified, month }
}

/**
 * One part of a month of an edition's archive: its articles past the first (part - 1) × urlLimit,
 * at most urlLimit of them, read in batches so memory stays flat however large the month is.
 */
export async function* monthlyArticleUrls(
  context: SitemapContext,
  name: Extract<SitemapName, { kind: 'articles' }>,
): AsyncGenerator<SitemapUrl[]> {
  const start = new Date(`${name.month}-01T00:00:00.000Z`)
  const from = start.toISOString()
  const to = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)).toISOString()
  // The part's first batch skips to its start; the next ones continue from the last article read.
  let offset = (name.part - 1) * context.urlLimit
  let after: { publishedAt: string; id: number } | undefined
  let remaining = context.urlLimit
  while (remaining > 0) {
    const batch = await listLiveArticleBatch(
      context.db,
      { language: name.language, from, to, after, offset, limit: Math.min(BATCH_SIZE, remaining) },
      context.now,
    )
    const last = batch[batch.length - 1]
    if (!last) return
    yield await articleUrls(context, batch, false)
    remaining -= batch.length
    offset = 0
    after = { publishedAt: last.publishedAt ?? '', id: last.id }
  }
}

/** The Google News sitemap of an edition: its articles of the last 48 hours. */
export async function newsUrls(context: SitemapContext, language: string): Promise<SitemapUrl[]> {
  const from = new Date(context.now.getTime() - NEWS_WINDOW_MS).toISOString()
  const to = new Date(context.now.getTime() + 1).toISOString()
  const articles = await listLiveArticleBatch(
    context.db,
    { language, from, to, limit: NEWS_LIMIT },
    context.now,
  )
  return articleUrls(context, articles, true)
}

/** Sections (with their other-language versions), tags, authors and pages of an edition. */
export async function listingUrls(
  context: SitemapContext,
  kind: 'sections' | 'tags' | 'authors' | 'pages',
  language: string,
): Promise<SitemapUrl[]> {
  const absolute = (path: string) => `${context.siteUrl}${path}`
  switch (kind) {
    case 'sections':
      return context.sections.flatMap((section) => {
        const own = section.translations[language]
        if (!own) return []
        const alternates = Object.entries(section.translations).map(([code, other]) => ({
          hreflang: code,
          href: absolute(siteUrls.section(code, other.slug)),
        }))
        return [
          {
            loc: absolute(siteUrls.section(language, own.slug)),
            alternates: alternates.length > 1 ? alternates : [],
          },
        ]
      })
    case 'tags':
      return (await listTagsWithCounts(context.db, language))
        .filter((tag) => tag.articleCount > 0)
        .map((tag) => ({ loc: absolute(siteUrls.tag(language, tag.slug)) }))
    case 'authors':
      return (await listAuthors(context.db)).map((author) => ({
        loc: absolute(siteUrls.author(language, author.slug)),
      }))
    case 'pages':
      return (await listFooterPages(context.db, language)).map((page) => ({
        loc: absolute(siteUrls.page(language, page.slug)),
        lastmod: page.updatedAt,
      }))
  }
}
