import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Database } from '../db/database.js'
import { AppError } from '../errors/app-error.js'
import { cacheResponse } from '../page-cache/page-cache-hooks.js'
import { cacheTags } from '../page-cache/cache-tags.js'
import type { Clock } from '../platform/clock.js'
import { systemActor } from '../modules/access/actor.js'
import { listPublishedArticles } from '../modules/articles/article-queries.js'
import { findAuthorBySlug, listAuthors } from '../modules/authors/author-queries.js'
import type { ArticleService } from '../modules/editorial/article-service.js'
import { toArticleView } from '../modules/editorial/article-view.js'
import { listEditionRows } from '../modules/editions/edition-queries.js'
import { listFooterPages, findPublishedPage } from '../modules/pages/page-queries.js'
import { listSections, sectionWithDescendantIds } from '../modules/sections/section-queries.js'
import { getSiteSettings } from '../modules/settings/settings-queries.js'
import type { SearchIndex } from '../modules/search/search-index.js'
import { findSourceBySlug, listSources } from '../modules/sources/source-queries.js'
import { findTagBySlug, listTagsWithCounts } from '../modules/tags/tag-queries.js'
import { defineRoute } from '../http/api-route.js'
import { ID_PARAMS, parseId, LANGUAGE_CODE } from '../http/common-schemas.js'
import { isLiveArticle } from '../modules/articles/article-rules.js'
import { findEntryBylines } from '../modules/live/live-entry-bylines.js'
import { countLiveEntries, listLiveEntries } from '../modules/live/live-entry-queries.js'
import type { LiveEntry } from '../modules/live/live-entry.js'
import { pickLocalized } from '../platform/localized-text.js'
import { entryAnchor, renderLiveEntryHtml } from '../site/components/live-entry.js'
import { loadEntryFrame } from '../site/loaders/load-entry-frame.js'
import { LIVE_PAGE_SIZE } from '../site/loaders/load-live-coverage.js'
import { siteUrls, withPage } from '../site/site-urls.js'

const language = LANGUAGE_CODE
const tag = 'content'

/** The article fields the public may read. */
async function publicArticle(
  db: Kysely<Database>,
  input: {
    id: number
    articles: ArticleService
    siteUrl: string
    now: Date
    /** Collects the cache tags of what the answer shows. */
    uses: Set<string>
  },
) {
  const article = await input.articles.get(systemActor, input.id).catch(() => undefined)
  if (!article || !isLiveArticle(article, input.now))
    throw new AppError('NOT_FOUND', `There is no published article ${input.id}`)
  input.uses.add(cacheTags.article(article.id))
  if (article.translationGroup) input.uses.add(cacheTags.translations(article.translationGroup))
  const view = await toArticleView(db, {
    article,
    publicUrl: `${input.siteUrl}${await input.articles.publicPathOf(article)}`,
    now: input.now,
  })
  const {
    status: _status,
    version: _version,
    lock: _lock,
    createdAt: _createdAt,
    scheduledAt: _scheduledAt,
    bodyDoc: _bodyDoc,
    translations,
    ...readable
  } = view
  return { ...readable, translations: translations.filter((other) => other.status === 'published') }
}

/** At most this many newer entries answer one poll (`?after=`); a longer gap reloads the page. */
const POLL_LIMIT = 100

/**
 * The entries of a published live story as the public sees them, each with `html`: its markup
 * on the story's page, which a page polling for updates inserts as it is.
 */
async function publicEntries(
  db: Kysely<Database>,
  input: {
    article: { id: number; language: string }
    entries: LiveEntry[]
    /** Where each entry is on the site, absolute. */
    urlOf: (entry: LiveEntry, index: number) => string
    siteUrl: string
    now: Date
    uses: Set<string>
  },
) {
  const { language } = input.article
  const [bylines, frame] = await Promise.all([
    findEntryBylines(db, input.entries),
    loadEntryFrame(db, language, input.now),
  ])
  return input.entries.map((entry, index) => {
    const byline = entry.authorUserId === null ? undefined : bylines.get(entry.authorUserId)
    const author = byline?.author
    if (author) input.uses.add(cacheTags.author(author.id))
    return {
      id: entry.id,
      articleId: entry.articleId,
      url: input.urlOf(entry, index),
      title: entry.title,
      bodyHtml: entry.bodyHtml,
      isKeyEvent: entry.isKeyEvent,
      isPinned: entry.isPinned,
      createdAt: entry.createdAt,
      editedAt: entry.editedAt,
      author: author
        ? {
            name: pickLocalized(author.name, language),
            url: `${input.siteUrl}${siteUrls.author(language, author.slug)}`,
          }
        : null,
      html: renderLiveEntryHtml({ entry, byline, frame }),
    }
  })
}

/** The read-only content API under /api/v1: published content only, CORS open, cacheable. */
export function contentApiRoutes(deps: {
  db: Kysely<Database>
  clock: Clock
  siteUrl: string
  articles: ArticleService
  search: SearchIndex
}) {
  const { db, clock } = deps
  return [
    defineRoute({
      method: 'GET',
      url: '/api/v1/articles',
      access: 'public',
      tag,
      summary: 'Published articles of an edition, newest first, with filters',
      query: z.strictObject({
        language,
        section: z.string().max(200).optional(),
        tag: z.string().max(200).optional(),
        author: z.string().max(200).optional(),
        source: z.string().max(200).optional(),
        page: z.coerce.number().int().min(1).max(100_000).optional(),
        pageSize: z.coerce.number().int().min(1).max(100).optional(),
      }),
      handle: async ({ query, reply }) => {
        const { language } = query
        const sections = await listSections(db)
        const filter: Parameters<typeof listPublishedArticles>[1] = { language }
        // Tagged as the lists it narrows to; an unknown slug may name something created later.
        const uses = new Set<string>([cacheTags.site])
        // An unknown slug matches nothing (id -1) rather than being ignored.
        if (query.section) {
          const match = sections.find((s) => s.translations[language]?.slug === query.section)
          filter.sectionIds = match ? sectionWithDescendantIds(sections, match.id) : []
          if (match) uses.add(cacheTags.sectionList(match.id, language))
        }
        if (query.tag) filter.tagId = (await findTagBySlug(db, language, query.tag))?.id ?? -1
        if (query.author) filter.authorId = (await findAuthorBySlug(db, query.author))?.id ?? -1
        if (query.source) filter.sourceId = (await findSourceBySlug(db, query.source))?.id ?? -1
        if (filter.tagId !== undefined) uses.add(cacheTags.tagList(filter.tagId))
        if (filter.authorId !== undefined) uses.add(cacheTags.authorList(filter.authorId, language))
        if (filter.sourceId !== undefined) uses.add(cacheTags.sourceList(filter.sourceId, language))
        if (query.tag || query.author || query.source) uses.add(cacheTags.taxonomy)
        const isWholeEdition = !query.section && !query.tag && !query.author && !query.source
        if (isWholeEdition) uses.add(cacheTags.edition(language))
        const page = await listPublishedArticles(db, filter, query, clock.now())
        for (const item of page.items) uses.add(cacheTags.article(item.id))
        cacheResponse(reply, 'api', uses)
        return {
          ...page,
          items: page.items.map((item) => ({
            ...item,
            url: `${deps.siteUrl}${deps.articles.publicPathOfKnown(item, sections)}`,
          })),
        }
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/search',
      access: 'public',
      tag,
      summary:
        'Search published articles (Arabic and English folded and stemmed): words, "phrases", -exclusions, OR',
      query: z.strictObject({
        language,
        q: z.string().max(500),
        sort: z.enum(['relevance', 'date']).optional(),
        page: z.coerce.number().int().min(1).max(1000).optional(),
        pageSize: z.coerce.number().int().min(1).max(50).optional(),
      }),
      handle: async ({ query, reply }) => {
        cacheResponse(reply, 'api', [cacheTags.site, cacheTags.search(query.language)])
        const results = await deps.search.search(
          { query: query.q, language: query.language, sort: query.sort },
          query,
        )
        const sections = await listSections(db)
        return {
          ...results,
          items: results.items.map(({ article, headline, dek, snippet }) => ({
            id: article.id,
            url: `${deps.siteUrl}${deps.articles.publicPathOfKnown(article, sections)}`,
            publishedAt: article.publishedAt,
            headline,
            dek,
            snippet,
          })),
        }
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/articles/:id',
      access: 'public',
      tag,
      summary: 'One published article by id',
      params: ID_PARAMS,
      handle: ({ params, reply }) => {
        const uses = new Set<string>([cacheTags.site, cacheTags.taxonomy])
        cacheResponse(reply, 'api', uses)
        return publicArticle(db, { ...deps, id: params.id, now: clock.now(), uses })
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/articles/:id/entries',
      access: 'public',
      tag,
      summary:
        'The entries of a published live story, newest first; with `after`, only those newer than that entry (polling)',
      params: ID_PARAMS,
      query: z.strictObject({
        after: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
        page: z.coerce.number().int().min(1).max(100_000).optional(),
        pageSize: z.coerce.number().int().min(1).max(100).optional(),
      }),
      handle: async ({ params, query, reply }) => {
        const now = clock.now()
        const uses = new Set<string>([cacheTags.site, cacheTags.article(params.id)])
        const article = await deps.articles.get(systemActor, params.id).catch(() => undefined)
        if (!article || article.type !== 'live' || !isLiveArticle(article, now))
          throw new AppError('NOT_FOUND', `There is no published live story ${params.id}`)
        const pagePath = await deps.articles.publicPathOf(article)
        const coverage = {
          state: article.coverageState,
          startedAt: article.coverageStartedAt,
          endedAt: article.coverageEndedAt,
        }
        const pageSize = query.pageSize ?? LIVE_PAGE_SIZE
        const page = query.page ?? 1
        const isPoll = query.after !== undefined
        const [entries, total] = await Promise.all([
          isPoll
            ? listLiveEntries(db, article.id, { limit: POLL_LIMIT, afterId: query.after })
            : listLiveEntries(db, article.id, { limit: pageSize, offset: (page - 1) * pageSize }),
          countLiveEntries(db, article.id),
        ])
        const items = await publicEntries(db, {
          article,
          entries,
          // Where the story's pages show the entry; a poll answers the newest, on its first page.
          urlOf: (entry, index) => {
            const position = isPoll ? index : (page - 1) * pageSize + index
            const sitePage = Math.floor(position / LIVE_PAGE_SIZE) + 1
            return `${deps.siteUrl}${withPage(pagePath, sitePage)}#${entryAnchor(entry.id)}`
          },
          siteUrl: deps.siteUrl,
          now,
          uses,
        })
        cacheResponse(reply, isPoll ? 'livePoll' : 'api', uses)
        if (isPoll) return { coverage, total, items }
        return {
          coverage,
          items,
          total,
          page,
          pageSize,
          pageCount: Math.max(1, Math.ceil(total / pageSize)),
        }
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/lookup',
      access: 'public',
      tag,
      summary: 'One published article by its public URL or path',
      query: z.strictObject({ url: z.string().min(1).max(2000) }),
      handle: ({ query, reply }) => {
        const uses = new Set<string>([cacheTags.site, cacheTags.taxonomy])
        cacheResponse(reply, 'api', uses)
        const path = query.url.replace(/^https?:\/\/[^/]+/i, '').split(/[?#]/)[0] ?? ''
        const id = parseId(/\/(\d+)(?:-[^/]*)?\/?$/.exec(path)?.[1] ?? '')
        if (id === undefined) throw new AppError('NOT_FOUND', 'That is not an article URL')
        return publicArticle(db, { ...deps, id, now: clock.now(), uses })
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/sections',
      access: 'public',
      tag,
      summary: 'The section tree with names and slugs per language',
      handle: async ({ reply }) => {
        cacheResponse(reply, 'api', [cacheTags.site])
        return { items: await listSections(db) }
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/tags',
      access: 'public',
      tag,
      summary: 'Tags of an edition with their published article counts',
      query: z.strictObject({ language }),
      handle: async ({ query, reply }) => {
        cacheResponse(reply, 'api', [cacheTags.taxonomy, cacheTags.edition(query.language)])
        return { items: await listTagsWithCounts(db, query.language) }
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/authors',
      access: 'public',
      tag,
      summary: 'Byline profiles',
      handle: async ({ reply }) => {
        cacheResponse(reply, 'api', [cacheTags.taxonomy])
        return { items: (await listAuthors(db)).map(({ userId: _userId, ...author }) => author) }
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/sources',
      access: 'public',
      tag,
      summary: 'Sources (news agencies)',
      handle: async ({ reply }) => {
        cacheResponse(reply, 'api', [cacheTags.taxonomy])
        return { items: await listSources(db) }
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/pages',
      access: 'public',
      tag,
      summary: 'The published footer pages of an edition, or one page by slug',
      query: z.strictObject({ language, slug: z.string().max(200).optional() }),
      handle: async ({ query, reply }) => {
        cacheResponse(reply, 'api', [cacheTags.site])
        if (!query.slug) return { items: await listFooterPages(db, query.language) }
        const page = await findPublishedPage(db, query.language, query.slug)
        if (!page) throw new AppError('NOT_FOUND', `There is no page ${query.slug}`)
        return page
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/v1/settings',
      access: 'public',
      tag,
      summary: 'What a front end needs to render the site: names, editions, social links',
      handle: async ({ reply }) => {
        cacheResponse(reply, 'api', [cacheTags.site])
        const { siteName, about, socialLinks, defaultEdition, timeZone, digitsStyle } =
          await getSiteSettings(db)
        const editions = await listEditionRows(db)
        return { siteName, about, socialLinks, defaultEdition, timeZone, digitsStyle, editions }
      },
    }),
  ]
}

/** CORS for the content API: any origin may read it; nothing else is allowed. */
export function registerContentApiCors(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/v1/')) {
      void reply.header('access-control-allow-origin', '*')
      void reply.header('access-control-expose-headers', 'ETag, X-Request-Id')
    }
  })
  app.options('/api/v1/*', { config: { access: 'public' } }, async (_request, reply) =>
    reply
      .header('access-control-allow-origin', '*')
      .header('access-control-allow-methods', 'GET, HEAD, OPTIONS')
      .header('access-control-allow-headers', 'If-None-Match, Content-Type')
      .header('access-control-max-age', '86400')
      .status(204)
      .send(),
  )
}
