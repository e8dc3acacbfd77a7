import formBody from '@fastify/formbody'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../config/config.js'
import type { Store } from '../db/create-database.js'
import { dayOf, recordPageViews } from '../modules/analytics/page-view-queries.js'
import { findArticleById, listLatestArticles } from '../modules/articles/article-queries.js'
import { systemActor } from '../modules/access/actor.js'
import type { ContactService } from '../modules/contact/contact-service.js'
import {
  contactNotification,
  readContactForm,
  validateContactForm,
  type ContactFieldErrors,
  type ContactFormValues,
} from '../modules/contact/contact-form.js'
import type { Edition } from '../modules/editions/edition-queries.js'
import { findPublishedPage } from '../modules/pages/page-queries.js'
import { findRedirect } from '../modules/redirects/redirect-queries.js'
import type { SearchIndex } from '../modules/search/search-index.js'
import type { Clock } from '../platform/clock.js'
import type { TaggedMemo } from '../platform/tagged-memo.js'
import type { Mailer } from '../platform/mail/mailer.js'
import { createFixedWindowLimiter } from '../platform/fixed-window-limiter.js'
import type { MediaStorage } from '../platform/storage/media-storage.js'
import type { AssetManifest } from './assets/asset-manifest.js'
import type { SafeHtml } from './jsx/html.js'
import type { ArticleCard } from './view-models.js'
import { registerFeedRoutes } from './feeds/feed.routes.js'
import { registerSitemapRoutes } from './sitemaps/sitemap.routes.js'
import { registerPreviewRoute } from './preview.routes.js'
import { loadArticle } from './loaders/load-article.js'
import { loadCards } from './loaders/load-cards.js'
import { loadSiteContext, readEditions, type SiteContext } from './loaders/load-frame.js'
import { loadHome } from './loaders/load-home.js'
import { loadListing, resolveListingScope } from './loaders/load-listing.js'
import { ArticlePage } from './pages/article-page.js'
import { ContactForm } from './pages/contact-form.js'
import { ErrorPage } from './pages/error-page.js'
import { HomePage } from './pages/home-page.js'
import { ListingPage } from './pages/listing-page.js'
import { SearchPage } from './pages/search-page.js'
import { StaticPage } from './pages/static-page.js'
import { cacheResponse } from '../http/page-cache-hooks.js'
import { sendImmutableFile, sendPrecompressedFile } from '../http/precompressed-file.js'
import { cacheTags } from './cache/cache-tags.js'
import { CACHE_CONTROL, sendPage } from './render.js'
import { siteUrls } from './site-urls.js'

export interface SiteDependencies {
  store: Store
  config: Config
  clock: Clock
  storage: MediaStorage
  assets: AssetManifest
  mailer?: Mailer
  /** Stores readers' messages from the contact form. */
  contact: ContactService
  sitemapUrlLimit?: number
  /** The app's one search index (it keeps its term cache across requests). */
  search: SearchIndex
  /** Keeps what every page reads (editions, sections, settings…) until a purge names it. */
  frameMemo: TaggedMemo
}

const PUBLIC = { config: { access: 'public' as const } }
const MEDIA_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
}
const TRANSPARENT_GIF = Buffer.from(
  'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7',
  'base64',
)
const CONTACT_PAGE_SLUG = 'contact'
/**
 * An asset asked for under another build's hash: not immutable, and short, because during a
 * rolling deploy a process of the older build may answer for a newer hash.
 */
const OTHER_BUILD_CACHE_CONTROL = 'public, max-age=60'

type Params = Record<string, string>
type Query = Record<string, string | undefined>

function pageNumber(query: Query): number {
  const page = Number.parseInt(query['page'] ?? '1', 10)
  return Number.isFinite(page) && page > 0 && page < 10_000 ? page : 1
}

/** The public news site: every page of both editions, its assets, media and page-view counter. */
export async function registerSiteRoutes(
  app: FastifyInstance,
  deps: SiteDependencies,
): Promise<void> {
  const { store, config, clock, storage, assets, search: searchIndex, frameMemo } = deps
  const db = store.db
  const contactLimiter = createFixedWindowLimiter({ limit: 5, windowMs: 10 * 60_000 })
  await app.register(formBody, { bodyLimit: 64 * 1024 })

  const editionFor = async (language: string): Promise<Edition | undefined> =>
    (await readEditions(db, frameMemo, clock.now())).find((edition) => edition.code === language)
  const defaultEdition = async (): Promise<Edition> => {
    const editions = await readEditions(db, frameMemo, clock.now())
    const edition = editions.find((candidate) => candidate.isDefault) ?? editions[0]
    if (!edition) throw new Error('no editions: the database was not prepared')
    return edition
  }
  const contextFor = (edition: Edition) =>
    loadSiteContext({ db, memo: frameMemo, config, assets, edition, now: clock.now() })
  const logoUrl = () => assets.url('logo.png')

  async function sendError(
    reply: FastifyReply,
    context: SiteContext,
    status: 404 | 410 | 500,
    path: string,
  ) {
    const latest = await listLatestArticles(
      db,
      { language: context.frame.language },
      4,
      context.frame.now,
    )
    const page = ErrorPage({
      frame: context.frame,
      status,
      path,
      latest: await loadCards(context, latest),
    })
    return sendPage(reply, page, {
      status,
      cacheControl: status === 410 ? CACHE_CONTROL.front : CACHE_CONTROL.noStore,
    })
  }

  /** Forwards a stored contact message by email; a failure is logged, the message is already kept. */
  function notifyNewsroom(request: FastifyRequest, values: ContactFormValues, language: string) {
    const to = config.mail?.newsroomEmail
    if (!deps.mailer || !to) return
    deps.mailer.send(contactNotification({ values, language, to })).catch((error: unknown) => {
      request.log.error({ err: error }, 'contact notification email failed')
    })
  }

  /** A 301 from the redirects table, else the edition's 404 page (the default edition's off-site). */
  async function notFound(request: FastifyRequest, reply: FastifyReply) {
    const path = request.url.split('?')[0] ?? '/'
    if (path.startsWith('/api/')) {
      const body = {
        errors: [{ code: 'NOT_FOUND', message: `No route for ${request.method} ${path}` }],
      }
      return reply.status(404).header('cache-control', 'no-store').send(body)
    }
    const redirect = await findRedirect(db, decodeURI(path)).catch(() => undefined)
    if (redirect) return reply.redirect(redirect.toPath, redirect.statusCode)
    const edition = (await editionFor(path.split('/')[1] ?? '')) ?? (await defaultEdition())
    return sendError(reply, await contextFor(edition), 404, path)
  }

  /** Runs a page handler for a known edition; an unknown prefix is a 404. */
  const withEdition =
    (
      handler: (
        context: SiteContext,
        request: FastifyRequest,
        reply: FastifyReply,
      ) => Promise<unknown>,
    ) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const edition = await editionFor((request.params as Params)['lang'] ?? '')
      if (!edition) return notFound(request, reply)
      return handler(await contextFor(edition), request, reply)
    }

  app.setNotFoundHandler(notFound)
  registerFeedRoutes(app, { withEdition, notFound })
  registerSitemapRoutes(app, { store, config, clock, notFound, urlLimit: deps.sitemapUrlLimit })
  registerPreviewRoute(app, { db, memo: frameMemo, config, clock, assets, logoUrl, notFound })

  app.get('/', PUBLIC, async (_request, reply) =>
    reply.redirect(siteUrls.home((await defaultEdition()).code), 302),
  )

  app.get('/assets/:file', PUBLIC, async (request, reply) => {
    const path = request.url.split('?')[0] ?? ''
    const asset = assets.find(path)
    if (asset) return sendImmutableFile(request, reply, asset)
    // A page cached before a deploy names the previous build's files: it gets the current one,
    // briefly, so it keeps its look until it is purged or expires (docs/operations.md).
    const current = assets.findOtherBuild(path)
    if (current) return sendPrecompressedFile(request, reply, current, OTHER_BUILD_CACHE_CONTROL)
    return notFound(request, reply)
  })

  app.get('/favicon.ico', PUBLIC, async (request, reply) => {
    const logo = assets.find(assets.url('logo.png'))
    if (!logo) return notFound(request, reply)
    return reply
      .header('content-type', logo.contentType)
      .header('cache-control', 'public, max-age=86400')
      .send(logo.bytes)
  })

  app.get('/media/*', PUBLIC, async (request, reply) => {
    const key = (request.params as Params)['*'] ?? ''
    const bytes = await storage.get(key)
    if (!bytes) return notFound(request, reply)
    const extension = key.split('.').pop() ?? ''
    return reply
      .header('content-type', MEDIA_TYPES[extension] ?? 'application/octet-stream')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(bytes)
  })

  const countView = async (request: FastifyRequest) => {
    const id = Number.parseInt((request.params as Params)['id'] ?? '', 10)
    const article = Number.isSafeInteger(id) ? await findArticleById(db, id) : undefined
    if (article?.status === 'published')
      await recordPageViews(db, { articleId: id, day: dayOf(clock.now()) })
  }
  app.post('/api/v1/page-views/:id', PUBLIC, async (request, reply) => {
    await countView(request)
    return reply.status(204).header('cache-control', 'no-store').send()
  })
  app.get('/api/v1/page-views/:id.gif', PUBLIC, async (request, reply) => {
    await countView(request)
    return reply
      .header('content-type', 'image/gif')
      .header('cache-control', 'no-store')
      .send(TRANSPARENT_GIF)
  })

  app.get('/:lang', PUBLIC, async (request, reply) => {
    const edition = await editionFor((request.params as Params)['lang'] ?? '')
    return edition ? reply.redirect(siteUrls.home(edition.code), 301) : notFound(request, reply)
  })

  app.get(
    '/:lang/',
    PUBLIC,
    withEdition(async (context, _request, reply) => {
      const home = await loadHome(context)
      const alternates = context.editions.map((edition) => ({
        hreflang: edition.code,
        url: `${config.siteUrl}${siteUrls.home(edition.code)}`,
      }))
      alternates.push({ hreflang: 'x-default', url: `${config.siteUrl}/` })
      cacheResponse(reply, 'front', context.uses)
      return sendPage(
        reply,
        HomePage({ frame: context.frame, home, alternates, logoUrl: logoUrl() }),
        { cacheControl: CACHE_CONTROL.front },
      )
    }),
  )

  app.get(
    '/:lang/search',
    PUBLIC,
    withEdition(async (context, request, reply) => {
      const query = ((request.query as Query)['q'] ?? '').slice(0, 200)
      const results = await searchIndex.search(
        { query, language: context.frame.language },
        { page: pageNumber(request.query as Query), pageSize: 10 },
      )
      const cards = await loadCards(
        context,
        results.items.map((hit) => hit.article),
      )
      const page = SearchPage({
        frame: context.frame,
        query: query.trim(),
        results: results.items.map((hit, index) => ({
          card: cards[index] as ArticleCard,
          headline: hit.headline,
          dek: hit.dek,
          snippet: hit.snippet,
        })),
        total: results.total,
        isTotalCapped: results.isTotalCapped,
        page: results.page,
        pageCount: results.pageCount,
      })
      cacheResponse(reply, 'front', context.uses.add(cacheTags.search(context.frame.language)))
      return sendPage(reply, page, { cacheControl: CACHE_CONTROL.front })
    }),
  )

  const listings = [
    ['/:lang/tag/:slug', 'tag'],
    ['/:lang/author/:slug', 'author'],
    ['/:lang/source/:slug', 'source'],
    ['/:lang/:slug/', 'section'],
  ] as const
  for (const [path, kind] of listings) {
    app.get(
      path,
      PUBLIC,
      withEdition(async (context, request, reply) => {
        const slug = (request.params as Params)['slug'] ?? ''
        const listing = await loadListing(context, kind, slug, pageNumber(request.query as Query))
        if (!listing) return notFound(request, reply)
        cacheResponse(reply, 'front', context.uses)
        return sendPage(reply, ListingPage({ frame: context.frame, listing }), {
          cacheControl: CACHE_CONTROL.front,
        })
      }),
    )
  }

  async function sendStaticPage(
    context: SiteContext,
    slug: string,
    reply: FastifyReply,
    contact?: {
      values: ReturnType<typeof readContactForm>['values']
      errors: ContactFieldErrors
      isSent: boolean
      isRateLimited: boolean
      status: number
    },
  ) {
    const language = context.frame.language
    const page = await findPublishedPage(db, language, slug)
    if (!page) return undefined
    const alternates = context.editions.map((edition) => ({
      hreflang: edition.code,
      url: `${config.siteUrl}${siteUrls.page(edition.code, slug)}`,
    }))
    const other = context.editions.find((edition) => edition.code !== language)
    const form: SafeHtml | undefined =
      slug === CONTACT_PAGE_SLUG
        ? ContactForm({
            frame: context.frame,
            action: siteUrls.page(language, slug),
            values: contact?.values ?? { name: '', email: '', subject: '', message: '' },
            errors: contact?.errors ?? {},
            isSent: contact?.isSent ?? false,
            isRateLimited: contact?.isRateLimited ?? false,
          })
        : undefined
    const html = StaticPage({
      frame: context.frame,
      title: page.title,
      bodyHtml: page.bodyHtml,
      path: siteUrls.page(language, slug),
      alternates,
      translationUrl: other && siteUrls.page(other.code, slug),
      children: form,
    })
    if (!contact) cacheResponse(reply, 'front', context.uses)
    return sendPage(reply, html, {
      status: contact?.status ?? 200,
      cacheControl: contact ? CACHE_CONTROL.noStore : CACHE_CONTROL.front,
    })
  }

  app.get(
    '/:lang/:slug',
    PUBLIC,
    withEdition(async (context, request, reply) => {
      const slug = (request.params as Params)['slug'] ?? ''
      const sent = await sendStaticPage(context, slug, reply)
      if (sent) return sent
      const section = await resolveListingScope(context, 'section', slug)
      return section
        ? reply.redirect(siteUrls.section(context.frame.language, slug), 301)
        : notFound(request, reply)
    }),
  )

  app.post(
    `/:lang/${CONTACT_PAGE_SLUG}`,
    { ...PUBLIC, bodyLimit: 64 * 1024 },
    withEdition(async (context, request, reply) => {
      const { values, honeypot } = readContactForm(request.body)
      const isRateLimited = !contactLimiter.hit(request.ip, context.frame.now)
      const errors = isRateLimited ? {} : validateContactForm(values)
      const isValid = !isRateLimited && Object.keys(errors).length === 0
      // A filled honeypot is a bot: it is thanked like a person, and nothing is stored.
      if (isValid && !honeypot) {
        await deps.contact.receive(
          { actor: systemActor, ipAddress: request.ip },
          { language: context.frame.language, ...values },
        )
        notifyNewsroom(request, values, context.frame.language)
      }
      const status = isRateLimited ? 429 : isValid ? 200 : 400
      if (isRateLimited) reply.header('retry-after', '600')
      return sendStaticPage(context, CONTACT_PAGE_SLUG, reply, {
        values: isValid ? { name: '', email: '', subject: '', message: '' } : values,
        errors,
        isSent: isValid,
        isRateLimited,
        status,
      })
    }),
  )

  app.get(
    '/:lang/:section/:article',
    PUBLIC,
    withEdition(async (context, request, reply) => {
      const params = request.params as Params
      const id = Number.parseInt(/^(\d+)/.exec(params['article'] ?? '')?.[1] ?? '', 10)
      if (!Number.isSafeInteger(id)) return notFound(request, reply)
      const lookup = await loadArticle(context, id)
      if (lookup.kind === 'missing') return notFound(request, reply)
      if (lookup.kind === 'gone') {
        // Kept at the edge like a front: tagged, so publishing again or a deploy purges it.
        cacheResponse(reply, 'front', context.uses.add(cacheTags.article(id)))
        return sendError(reply, context, 410, request.url)
      }
      if (request.url.split('?')[0] !== lookup.canonicalPath)
        return reply.redirect(lookup.canonicalPath, 301)
      cacheResponse(reply, 'article', context.uses)
      return sendPage(
        reply,
        ArticlePage({ frame: context.frame, article: lookup.view, logoUrl: logoUrl() }),
        { cacheControl: CACHE_CONTROL.article },
      )
    }),
  )
}
