import { Readable } from 'node:stream'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config/config.js'
import type { Store } from '../../db/create-database.js'
import { sendConditional, strongEtag } from '../../http/conditional-response.js'
import { listPublicationMonths } from '../../modules/articles/article-queries.js'
import { listEditions } from '../../modules/editions/edition-queries.js'
import { listSections } from '../../modules/sections/section-queries.js'
import { getSiteSettings } from '../../modules/settings/settings-queries.js'
import type { Clock } from '../../platform/clock.js'
import { pickLocalized } from '../../platform/localized-text.js'
import {
  listingUrls,
  listSitemaps,
  monthlyArticleUrls,
  newsUrls,
  parseSitemapFile,
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

const SITEMAP_CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=60'
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
    const month = (await listPublicationMonths(db, name.language, context.now, name.month)).find(
      (candidate) => candidate.month === name.month,
    )
    if (!month) return deps.notFound(request, reply)
    // The month's size and last change identify its content, so the ETag is known before streaming.
    const etag = strongEtag(`${name.language}:${month.month}:${month.count}:${month.lastModified}`)
    reply
      .header('etag', etag)
      .header('last-modified', new Date(month.lastModified).toUTCString())
      .header('cache-control', SITEMAP_CACHE_CONTROL)
    if (request.headers['if-none-match'] === etag) return reply.status(304).send()
    async function* chunks() {
      yield URLSET_START
      for await (const batch of monthlyArticleUrls(
        context,
        name?.language ?? '',
        month?.month ?? '',
      ))
        yield batch.map(renderSitemapUrl).join('')
      yield URLSET_END
    }
    return reply.header('content-type', XML).send(Readable.from(chunks()))
  })
}
