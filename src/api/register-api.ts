import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import type { Clock } from '../platform/clock.js'
import type { EventOutbox } from '../platform/outbox/event-outbox.js'
import type { Mailer } from '../platform/mail/mailer.js'
import { createAccessServices } from '../modules/access/access-services.js'
import { accessRoutes } from '../modules/access/access.routes.js'
import { auditRoutes } from '../modules/audit/audit.routes.js'
import { authorRoutes } from '../modules/authors/author.routes.js'
import { createAuthorService } from '../modules/authors/author-service.js'
import { contactRoutes } from '../modules/contact/contact.routes.js'
import type { ContactService } from '../modules/contact/contact-service.js'
import { articleRoutes } from '../modules/editorial/article.routes.js'
import { liveEntryRoutes } from '../modules/live/live-entry.routes.js'
import { createLiveEntryService } from '../modules/live/live-entry-service.js'
import { dashboardRoutes } from '../modules/editorial/dashboard.routes.js'
import type { ArticleService } from '../modules/editorial/article-service.js'
import type { SearchIndex } from '../modules/search/search-index.js'
import type { GalleryService } from '../modules/media/gallery-service.js'
import {
  GALLERY_ROUTE_DESCRIPTIONS,
  registerGalleryRoutes,
} from '../modules/media/gallery.routes.js'
import type { MediaService } from '../modules/media/media-service.js'
import type { MediaUploader } from '../modules/media/media-upload.js'
import { MEDIA_ROUTE_DESCRIPTIONS, registerMediaRoutes } from '../modules/media/media.routes.js'
import { pageRoutes } from '../modules/pages/page.routes.js'
import { createPageService } from '../modules/pages/page-service.js'
import { redirectRoutes } from '../modules/redirects/redirect.routes.js'
import { createRedirectService } from '../modules/redirects/redirect-service.js'
import { sectionRoutes } from '../modules/sections/section.routes.js'
import { createSectionService } from '../modules/sections/section-service.js'
import { settingsRoutes } from '../modules/settings/settings.routes.js'
import { createSettingsService } from '../modules/settings/settings-service.js'
import { sourceRoutes } from '../modules/sources/source.routes.js'
import { createSourceService } from '../modules/sources/source-service.js'
import { tagRoutes } from '../modules/tags/tag.routes.js'
import { createTagService } from '../modules/tags/tag-service.js'
import { webhookRoutes } from '../modules/webhooks/webhook.routes.js'
import { createWebhookService } from '../modules/webhooks/webhook-service.js'
import { createWireFeedService } from '../modules/wires/wire-feed-service.js'
import type { WireIngest } from '../modules/wires/wire-ingest.js'
import { wireRoutes } from '../modules/wires/wire.routes.js'
import { mountApiRoutes, type AnyApiRoute, type RouteDescription } from '../http/api-route.js'
import { contentApiRoutes, registerContentApiCors } from './content-api.routes.js'
import { buildOpenApiDocument } from './openapi.js'

export interface ApiDependencies {
  db: Kysely<Database>
  clock: Clock
  outbox: EventOutbox
  siteUrl: string
  articles: ArticleService
  contact: ContactService
  wires: WireIngest
  search: SearchIndex
  mailer?: Mailer
  version: string
  media: {
    uploader: MediaUploader
    service: MediaService
    galleries: GalleryService
    maxBytes: number
  }
}

/** The routes defined with defineRoute; building them runs no query (only their handlers do). */
export function apiRoutes(deps: ApiDependencies) {
  return [
    ...accessRoutes({ ...createAccessServices(deps), siteUrl: deps.siteUrl }),
    ...articleRoutes(deps),
    ...liveEntryRoutes({ db: deps.db, entries: createLiveEntryService(deps) }),
    ...dashboardRoutes(deps),
    ...sectionRoutes({ db: deps.db, sections: createSectionService(deps) }),
    ...tagRoutes({ db: deps.db, tags: createTagService(deps) }),
    ...authorRoutes({ db: deps.db, authors: createAuthorService(deps) }),
    ...sourceRoutes({ db: deps.db, sources: createSourceService(deps) }),
    ...pageRoutes({ db: deps.db, pages: createPageService(deps) }),
    ...settingsRoutes({ db: deps.db, settings: createSettingsService(deps) }),
    ...redirectRoutes({ db: deps.db, redirects: createRedirectService(deps) }),
    ...contactRoutes({ db: deps.db, contact: deps.contact }),
    ...auditRoutes({ db: deps.db }),
    ...webhookRoutes({ db: deps.db, webhooks: createWebhookService(deps) }),
    ...wireRoutes({ ...deps, feeds: createWireFeedService(deps), ingest: deps.wires }),
    ...contentApiRoutes(deps),
  ]
}

/** Every API route as the OpenAPI document describes it, the media library's own routes too. */
export function apiRouteDescriptions(routes: AnyApiRoute[]): RouteDescription[] {
  return [...routes, ...MEDIA_ROUTE_DESCRIPTIONS, ...GALLERY_ROUTE_DESCRIPTIONS]
}

/** Mounts the Admin API, the content API and the OpenAPI document that describes them both. */
export async function registerApi(app: FastifyInstance, deps: ApiDependencies): Promise<void> {
  const routes = apiRoutes(deps)
  mountApiRoutes(app, routes)
  // Uploads stream multipart bodies, so the media library registers its own Fastify routes.
  await registerMediaRoutes(app, {
    uploader: deps.media.uploader,
    media: deps.media.service,
    maxBytes: deps.media.maxBytes,
  })
  registerGalleryRoutes(app, { galleries: deps.media.galleries })
  registerContentApiCors(app)
  const document = buildOpenApiDocument({
    routes: apiRouteDescriptions(routes),
    serverUrl: deps.siteUrl,
    version: deps.version,
  })
  app.get('/api/openapi.json', { config: { access: 'public' } }, async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=300').send(document),
  )
}
