import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { registerAdminApp } from './admin-app/admin-app.routes.js'
import { registerApi } from './api/register-api.js'
import type { Config } from './config/config.js'
import type { Store } from './db/create-database.js'
import { registerAuthentication } from './http/authentication.js'
import { registerCrossSiteWriteCheck } from './http/cross-site-writes.js'
import { registerErrorHandler } from './http/error-handler.js'
import { createCacheHitResponder } from './page-cache/cache-hit-fast-path.js'
import { registerNulCharacterCheck } from './http/reject-nul-characters.js'
import { registerPageCache } from './page-cache/page-cache-hooks.js'
import { registerRequestId, requestIdOf } from './http/request-id.js'
import { registerRateLimits } from './http/rate-limits.js'
import { createSecurityHeaders, registerSecurityHeaders } from './http/security-headers.js'
import {
  createTimedServer,
  DEFAULT_SERVER_TIMEOUTS,
  type ServerTimeouts,
} from './http/server-timeouts.js'
import { requireDeclaredAccess, type RegisteredRoute } from './http/route-access.js'
import { createJobQueue, type JobHandler, type JobQueue } from './platform/job-queue.js'
import { createJobRunner, type JobRunner } from './jobs/job-runner.js'
import { createScheduledPublisher, type ScheduledPublisher } from './jobs/scheduled-publishing.js'
import { createWirePoller } from './jobs/wire-polling.js'
import { createContactService } from './modules/contact/contact-service.js'
import { createArticleService, type ArticleService } from './modules/editorial/article-service.js'
import { registerHealthRoutes } from './modules/health/health.routes.js'
import { registerMetrics } from './modules/metrics/metrics.routes.js'
import { createGalleryService } from './modules/media/gallery-service.js'
import { createMediaService } from './modules/media/media-service.js'
import { createMediaUploader } from './modules/media/media-upload.js'
import { createMediaVariantJob } from './modules/media/media-variant-job.js'
import { createSearchIndex } from './modules/search/search-index.js'
import { subscribeSearchIndex } from './modules/search/subscribe-search-index.js'
import { subscribeWebhooks, webhookDeliveryHandler } from './modules/webhooks/webhook-delivery.js'
import { DEFAULT_WIRE_LIMITS, type WireLimits } from './modules/wires/fetch-wire-feed.js'
import { createWireIngest, type WireIngest } from './modules/wires/wire-ingest.js'
import type { Clock } from './platform/clock.js'
import { createSharedLimits, type SharedLimits } from './platform/limits/shared-limits.js'
import { openEventOutbox, type EventOutbox } from './platform/outbox/event-outbox.js'
import type { Mailer } from './platform/mail/mailer.js'
import { createPageCache, type PageCache } from './page-cache/page-cache.js'
import type { MediaStorage } from './platform/storage/media-storage.js'
import { loadAssetManifest, type AssetManifest } from './site/assets/asset-manifest.js'
import {
  purgeEdgeOnAssetChange,
  type AssetChangeOutcome,
} from './page-cache/purge-on-asset-change.js'
import { purgeEdgeOnChange, purgeOnChange, xkeyPurge } from './page-cache/purge-on-change.js'
import { createServerErrorRenderer } from './site/server-error-renderer.js'
import { registerSiteRoutes } from './site/site.routes.js'
import { createTaggedMemo } from './page-cache/tagged-memo.js'
import { editionFrames } from './live-stream/edition-frames.js'
import { registerLiveStreamRoutes } from './live-stream/live-stream.routes.js'
import { createStreamHub, type StreamHub } from './live-stream/stream-hub.js'

const VERSION = '0.1.0'
/** Other processes' changes reach this one within this time, even without a wake-up. */
const DEFAULT_OUTBOX_POLL_MS = 250

/** Everything the application is built from; tests pass their own. */
export interface AppDependencies {
  config: Config
  store: Store
  clock: Clock
  storage: MediaStorage
  /** URLs per sitemap file; 50,000 (the protocol's limit) unless a test wants small parts. */
  sitemapUrlLimit?: number
  /** Present when SMTP is configured. */
  mailer?: Mailer
  logger?: FastifyServerOptions['logger']
  /** Replaces the HTTP client of webhook deliveries (tests). */
  fetch?: typeof fetch
  /** The site's built assets; those of dist/site-assets unless a test wants another build. */
  assets?: AssetManifest
  /** Where the built newsroom app is; dist/admin unless a test built its own. */
  adminFolder?: string
  /** The process's page cache; one sized by the configuration unless given. */
  pageCache?: PageCache
  /** How often the outbox is read for other processes' changes; 250 ms unless given. */
  outboxPollIntervalMs?: number
  /** Tells the machine's other processes that this one committed events (cluster workers). */
  announceEvents?: () => void
  /** Between comment lines on an idle reader stream; 20 s unless a test wants it sooner. */
  streamHeartbeatMs?: number
  /** The machine's rate-limit counters; the cluster primary's in a worker, else this process's. */
  limits?: SharedLimits
  /** Limits on slow clients; DEFAULT_SERVER_TIMEOUTS unless a test wants short ones. */
  serverTimeouts?: ServerTimeouts
  /** How long and how big an agency feed may be; DEFAULT_WIRE_LIMITS unless a test wants small ones. */
  wireLimits?: WireLimits
}

/** The newsroom's moving parts, for the server to start and for tests to drive. */
export interface Newsroom {
  /** This process's reader of the transactional outbox. */
  outbox: EventOutbox
  queue: JobQueue
  jobs: JobRunner
  scheduler: ScheduledPublisher
  /** Agency feeds into the wire queue (tests poll through it). */
  wires: WireIngest
  /** This process's open reader streams of live stories and breaking items. */
  streams: StreamHub
  articles: ArticleService
  pageCache: PageCache
  /** Every route with its declared access (the access matrix test walks them). */
  routes: RegisteredRoute[]
  /**
   * Starts reading the outbox on a timer, the job runner and the scheduled publisher (the server
   * does; tests drive them).
   */
  startBackgroundWork(): void
  /**
   * Once listening: purges every page at the edge when the site's assets changed since the last
   * start of any process (see page-cache/purge-on-asset-change.ts); logs what it did.
   */
  purgeEdgeOnAssetChange(): Promise<AssetChangeOutcome>
}

declare module 'fastify' {
  interface FastifyInstance {
    newsroom: Newsroom
  }
}

/**
 * The composition root: registers every plugin and route and returns the app, ready for
 * `listen()` (main.ts) or `inject()` (tests). It never listens and starts no timers itself.
 */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const pageCache =
    deps.pageCache ??
    createPageCache({
      maxBytes: deps.config.pageCache.maxBytes,
      onCompressError: (error) => app.log.error({ err: error }, 'page compression failed'),
    })
  const securityHeaders = createSecurityHeaders(deps.config.siteUrl)
  const answerCacheHit = createCacheHitResponder({ cache: pageCache, headersFor: securityHeaders })
  const app = Fastify({
    logger: deps.logger ?? false,
    trustProxy:
      typeof deps.config.trustProxy === 'boolean'
        ? deps.config.trustProxy
        : [...deps.config.trustProxy],
    // The request id travels in logs and comes back to the client; a sane incoming one is kept.
    requestIdHeader: false,
    genReqId: requestIdOf,
    return503OnClosing: true,
    serverFactory: (handler) =>
      createTimedServer(deps.serverTimeouts ?? DEFAULT_SERVER_TIMEOUTS, (request, response) => {
        if (!answerCacheHit(request, response)) handler(request, response)
      }),
  })
  const routes = requireDeclaredAccess(app)
  const { mailer, clock, store } = deps
  const db = store.db
  if (mailer) app.addHook('onClose', () => mailer.close())
  const assets = deps.assets ?? (await loadAssetManifest())
  registerErrorHandler(app, { renderPage: createServerErrorRenderer(assets) })
  // First of the request hooks, so a cached page is sent before sessions or routes are looked at.
  registerPageCache(app, { cache: pageCache })
  registerNulCharacterCheck(app)
  registerRequestId(app)

  const outbox = await openEventOutbox({
    db,
    pollIntervalMs: deps.outboxPollIntervalMs ?? DEFAULT_OUTBOX_POLL_MS,
    announce: deps.announceEvents,
    onError: (error, context) => app.log.error({ err: error, ...context }, 'event consumer failed'),
  })
  const queue = createJobQueue({ db, clock })
  const handlers: JobHandler[] = [
    webhookDeliveryHandler({ db, clock, fetch: deps.fetch }),
    createMediaVariantJob({
      db,
      storage: deps.storage,
      maxPixels: deps.config.media.maxPixels,
      outbox,
      now: () => clock.now(),
    }),
  ]
  const jobs = createJobRunner({
    db,
    clock,
    handlers,
    onError: (error, job) => app.log.warn({ err: error, job }, 'job failed'),
  })
  const articles = createArticleService({ db, clock, outbox })
  const contact = createContactService({ db, clock, outbox })
  const scheduler = createScheduledPublisher({
    publishDueArticles: articles.publishDueArticles,
    onError: (error) => app.log.error({ err: error }, 'scheduled publishing failed'),
  })
  const wires = createWireIngest({
    db,
    clock,
    limits: deps.wireLimits ?? DEFAULT_WIRE_LIMITS,
    dataDir: deps.config.dataDir,
    onFailure: (feed, error) =>
      app.log.warn(
        { feedId: feed.id, failure: error.failure, err: error },
        'wire feed poll failed',
      ),
  })
  const wirePoller = createWirePoller({
    pollDueFeeds: () => wires.pollDueFeeds(),
    onError: (error) => app.log.error({ err: error }, 'wire polling failed'),
  })
  const search = createSearchIndex({ db, now: () => clock.now() })
  subscribeSearchIndex(outbox, search)
  subscribeWebhooks({ db, clock, outbox })
  const { purgeUrl } = deps.config.pageCache
  const edge = purgeUrl ? xkeyPurge(purgeUrl, deps.fetch) : undefined
  purgeOnChange({ db, outbox, cache: pageCache })
  if (edge) purgeEdgeOnChange({ db, outbox, edge })
  const frameMemo = createTaggedMemo(pageCache)
  const frameOf = editionFrames({ db, memo: frameMemo, config: deps.config, assets, clock })
  // Subscribed after the page cache's purge, so the frames it reads for an event are fresh.
  const streams = createStreamHub({
    db,
    outbox,
    frameOf,
    now: () => clock.now(),
    heartbeatMs: deps.streamHeartbeatMs,
    onError: (error) => app.log.error({ err: error }, 'live stream failed'),
  })
  app.decorate('newsroom', {
    outbox,
    queue,
    jobs,
    scheduler,
    wires,
    streams,
    articles,
    pageCache,
    routes,
    startBackgroundWork() {
      outbox.start()
      jobs.start()
      scheduler.start()
      wirePoller.start()
    },
    purgeEdgeOnAssetChange: () =>
      purgeEdgeOnAssetChange({ db, assets, edge, now: clock.now(), log: app.log }),
  } satisfies Newsroom)
  app.addHook('onClose', async () => {
    await scheduler.stop()
    await wirePoller.stop()
    await jobs.stop()
    await outbox.stop()
  })

  const limits = deps.limits ?? createSharedLimits()
  app.addHook('onClose', () => limits.close())
  registerRateLimits(app, { clock, limits, perMinute: deps.config.rateLimits })
  registerCrossSiteWriteCheck(app, { siteUrl: deps.config.siteUrl })
  await registerAuthentication(app, {
    db,
    clock,
    isSecureCookie: deps.config.siteUrl.startsWith('https:'),
  })
  registerHealthRoutes(app, { store, jobs })
  registerMetrics(app, { config: deps.config, store, pageCache, jobs })
  await registerApi(app, {
    db,
    clock,
    outbox,
    articles,
    contact,
    wires,
    search,
    siteUrl: deps.config.siteUrl,
    mailer,
    version: VERSION,
    media: {
      uploader: createMediaUploader({
        db,
        storage: deps.storage,
        clock,
        dataDir: deps.config.dataDir,
        limits: deps.config.media,
        enqueue: (job) => queue.enqueue(job),
        outbox,
      }),
      service: createMediaService({
        db,
        storage: deps.storage,
        clock,
        enqueue: (job) => queue.enqueue(job),
        outbox,
      }),
      galleries: createGalleryService({ db, clock, outbox }),
      maxBytes: deps.config.media.maxBytes,
    },
  })
  registerAdminApp(app, deps.adminFolder)
  await registerSiteRoutes(app, {
    ...deps,
    search,
    assets,
    contact,
    limits,
    frameMemo,
  })
  registerLiveStreamRoutes(app, { db, hub: streams, frameOf, now: () => clock.now() })
  registerSecurityHeaders(app, securityHeaders)
  await app.ready()
  return app
}
