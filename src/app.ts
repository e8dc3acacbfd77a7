import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import type { Config } from './config/config.js'
import type { Store } from './db/create-database.js'
import { registerErrorHandler } from './http/error-handler.js'
import { requireDeclaredAccess } from './http/route-access.js'
import { registerHealthRoutes } from './modules/health/health.routes.js'
import type { Clock } from './platform/clock.js'
import type { Mailer } from './platform/mail/mailer.js'
import type { MediaStorage } from './platform/storage/media-storage.js'
import { loadAssetManifest } from './site/assets/asset-manifest.js'
import { registerSiteRoutes } from './site/site.routes.js'

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
}

/**
 * The composition root: registers every plugin and route and returns the app, ready for
 * `listen()` (main.ts) or `inject()` (tests). It never listens itself.
 */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    trustProxy:
      typeof deps.config.trustProxy === 'boolean'
        ? deps.config.trustProxy
        : [...deps.config.trustProxy],
    // The request id travels in logs and comes back to the client.
    requestIdHeader: 'x-request-id',
    return503OnClosing: true,
  })
  requireDeclaredAccess(app)
  const { mailer } = deps
  if (mailer) app.addHook('onClose', () => mailer.close())
  registerErrorHandler(app)
  registerHealthRoutes(app, { store: deps.store })
  await registerSiteRoutes(app, { ...deps, assets: await loadAssetManifest() })
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })
  await app.ready()
  return app
}
