import { Readable } from 'node:stream'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config/config.js'
import type { Store } from '../../db/create-database.js'
import { CACHE_POLICIES } from '../../http/cache-policy.js'
import { isFresh, sendConditional, strongEtag } from '../../http/conditional-response.js'
import { cacheResponse } from '../../page-cache/page-cache-hooks.js'
import { cacheTags } from '../../page-cache/cache-tags.js'
import { listEditions } from '../../modules/editions/edition-queries.js'
import { listSections } from '../../modules/sections/section-queries.js'
import { getSiteSettings } from '../../modules/settings/settings-queries.js'
import type { Clock } from '../../platform/clock.js'
import { pickLocalized } from '../../platform/localized-text.js'
import {
  findMonthPart,
  listingUrls,
  listSitemaps,
  monthlyArticleUrls,
  newsUrls,
  parseSitemapFile,
  SITEMAP_URL_LIMIT,
  sitemapPath,
  type SitemapContext,
} from './load-sitemaps.js'
import {
  renderSitemapIndex,
  renderSitemapUrl,
  renderUrlset,
  URLSET_END,
  URLSET_START,
} from './render-sitemap.js'

const SITEMAP_CACHE_CONTROL = CACHE_POLICIES.feed.cacheControl
const XML = 'application/xml; charset=utf-8'
const PUBLIC = { config: { access: 'public' as const } }

/** `/robots.txt`, the sitemap index at `/sitemap.xml` and every sitemap under `/sitemaps/`. */
export function registerSitemapRoutes(
  app: FastifyInstance,
  deps: {
    store: Store
    config: Config
    clock: Clock
    notFound: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>
    /** URLs per sitemap file; SITEMAP_URL_LIMIT unless a test wants small parts. */
    urlLimit?: number
  },
): void {
  const { db } = deps.store
  const contextNow = async (): Promise<SitemapContext> => {
    const [editions, sections, settings] = await Promise.all([
      listEditions(db),
      listSections(db),
      getSiteSettings(db),
    ])
    return {
      db,
      siteUrl: deps.config.siteUrl,
      now: deps.clock.now(),
      editions,
      sections,
      publicationName: (language) => pickLocalized(settings.siteName, language),
      urlLimit: deps.urlLimit ?? SITEMAP_URL_LIMIT,
    }
  }

  app.get('/robots.txt', PUBLIC, async (request, reply) => {
    const editions = await listEditions(db)
    const lines = [
      'User-agent: *',
      'Disallow: /admin',
      'Disallow: /api/admin',
      '',
      `Sitemap: ${deps.config.siteUrl}/sitemap.xml`,
      ...editions.map(
        (edition) =>
          `Sitemap: ${deps.config.siteUrl}${sitemapPath({ kind: 'news', language: edition.code })}`,
      ),
      '',
    ]
    cacheResponse(reply, 'feed', [cacheTags.site])
    return sendConditional(request, reply, {
      body: lines.join('\n'),
      contentType: 'text/plain; charset=utf-8',
      lastModified: new Date(0),
      cacheControl: SITEMAP_CACHE_CONTROL,
    })
  })

  app.get('/sitemap.xml', PUBLIC, async (request, reply) => {
    const context = await contextNow()
    const entries = await listSitemaps(context)
    const newest = entries.reduce(
      (latest, entry) => (entry.lastmod && entry.lastmod > latest ? entry.lastmod : latest),
      '1970-01-01T00:00:00.000Z',
    )
    cacheResponse(reply, 'feed', [
      cacheTags.site,
      ...context.editions.map((edition) => cacheTags.sitemaps(edition.code)),
    ])
    return sendConditional(request, reply, {
      body: renderSitemapIndex(
        entries.map((entry) => ({
          loc: `${deps.config.siteUrl}${sitemapPath(entry.name)}`,
          lastmod: entry.lastmod,
        })),
      ),
      contentType: XML,
      lastModified: new Date(newest),
      cacheControl: SITEMAP_CACHE_CONTROL,
    })
  })

  app.get('/sitemaps/:file', PUBLIC, async (request, reply) => {
    const name = parseSitemapFile((request.params as { file: string }).file)
    const context = await contextNow()
    if (!name || !context.editions.some((edition) => edition.code === name.language))
      return deps.notFound(request, reply)
    // Sections and pages change with the frame, authors with the taxonomy; the others list
    // articles (the tags sitemap lists tags that have some).
    const tags: string[] = [cacheTags.site]
    if (name.kind === 'tags' || name.kind === 'authors') tags.push(cacheTags.taxonomy)
    if (name.kind === 'news' || name.kind === 'articles' || name.kind === 'tags')
      tags.push(cacheTags.sitemaps(name.language))
    // A streamed monthly sitemap is not kept in the page cache, but CDNs get its tags.
    cacheResponse(reply, 'feed', tags)
    if (name.kind !== 'articles') {
      const urls =
        name.kind === 'news'
          ? await newsUrls(context, name.language)
          : await listingUrls(context, name.kind, name.language)
      const newest = urls.reduce(
        (latest, url) => (url.lastmod && url.lastmod > latest ? url.lastmod : latest),
        '1970-01-01T00:00:00.000Z',
      )
      return sendConditional(request, reply, {
        body: renderUrlset(urls),
        contentType: XML,
        lastModified: new Date(newest),
        cacheControl: SITEMAP_CACHE_CONTROL,
      })
    }
    const part = await findMonthPart(context, name)
    if (!part) return deps.notFound(request, reply)
    // The sizes and last changes of the part and of its month identify the part's content, so the
    // ETag is known before streaming.
    const etag = strongEtag(
      [
        sitemapPath(name),
        part.count,
        part.lastModified,
        part.month.count,
        part.month.lastModified,
      ].join(':'),
    )
    reply
      .header('etag', etag)
      .header('last-modified', new Date(part.lastModified).toUTCString())
      .header('cache-control', SITEMAP_CACHE_CONTROL)
    if (isFresh(request, etag, new Date(part.lastModified))) return reply.status(304).send()
    const batches = monthlyArticleUrls(context, name)
    async function* chunks() {
      yield URLSET_START
      for await (const batch of batches) yield batch.map(renderSitemapUrl).join('')
      yield URLSET_END
    }
    return reply.header('content-type', XML).send(Readable.from(chunks()))
  })
}
