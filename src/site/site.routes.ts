import formBody from '@fastify/formbody'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../config/config.js'
import type { ContactService } from '../modules/contact/contact-service.js'
import type { Store } from '../db/create-database.js'
import type { SearchIndex } from '../modules/search/search-index.js'
import type { Clock } from '../platform/clock.js'
import type { SharedLimits } from '../platform/limits/shared-limits.js'
import type { Mailer } from '../platform/mail/mailer.js'
import type { MediaStorage } from '../platform/storage/media-storage.js'
import type { TaggedMemo } from '../page-cache/tagged-memo.js'
import type { AssetManifest } from './assets/asset-manifest.js'
import { registerFeedRoutes } from './feeds/feed.routes.js'
import { registerPreviewRoute } from './preview.routes.js'
import { registerArticleRoutes } from './routes/article.routes.js'
import { registerFileRoutes } from './routes/file.routes.js'
import { registerListingRoutes } from './routes/listing.routes.js'
import { registerPageViewRoutes } from './routes/page-view.routes.js'
import { registerPagesRoutes } from './routes/pages.routes.js'
import { registerSearchRoutes } from './routes/search.routes.js'
import { createSiteRouteKit } from './routes/site-route-kit.js'
import { registerSitemapRoutes } from './sitemaps/sitemap.routes.js'

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
  /** The machine's rate-limit counters (contact form, page views). */
  limits: SharedLimits
  /** Keeps what every page reads (editions, sections, settings…) until a purge names it. */
  frameMemo: TaggedMemo
}

/** The public news site: every page of both editions, its assets, media and page-view counter. */
export async function registerSiteRoutes(
  app: FastifyInstance,
  deps: SiteDependencies,
): Promise<void> {
  const { store, config, clock, storage, assets, frameMemo } = deps
  const db = store.db
  await app.register(formBody, { bodyLimit: 64 * 1024 })
  const kit = createSiteRouteKit({ db, config, clock, assets, frameMemo })
  const { withEdition, notFound, logoUrl } = kit

  app.setNotFoundHandler(notFound)
  registerFeedRoutes(app, { withEdition, notFound })
  registerSitemapRoutes(app, { store, config, clock, notFound, urlLimit: deps.sitemapUrlLimit })
  registerPreviewRoute(app, { db, memo: frameMemo, config, clock, assets, logoUrl, notFound })
  registerFileRoutes(app, { kit, assets, storage })
  registerPageViewRoutes(app, { db, clock, limits: deps.limits })
  registerListingRoutes(app, kit)
  registerSearchRoutes(app, { kit, search: deps.search })
  registerPagesRoutes(app, {
    kit,
    mailer: deps.mailer,
    contact: deps.contact,
    limits: deps.limits,
  })
  registerArticleRoutes(app, kit)
}
