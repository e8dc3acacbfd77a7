import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { Config } from '../config/config.js'
import type { Database } from '../db/database.js'
import { findArticleById } from '../modules/articles/article-queries.js'
import { createPreviewLinks } from '../modules/editorial/preview-links.js'
import type { Clock } from '../platform/clock.js'
import type { TaggedMemo } from '../page-cache/tagged-memo.js'
import type { AssetManifest } from './assets/asset-manifest.js'
import { loadArticle } from './loaders/load-article.js'
import { loadSiteContext, readEditions } from './loaders/load-frame.js'
import { ArticlePage } from './pages/article-page.js'
import { sendPage } from './render.js'

/** Previews are for the newsroom and whoever it sends the link to: never stored, never indexed. */
export const PREVIEW_CACHE_CONTROL = 'private, no-store'

/**
 * `GET /preview/:token`: the article of a signed, unexpired preview link (made by the Admin
 * API's `POST /api/admin/articles/:id/preview-link`) rendered as its public page will be, in any
 * status. A tampered, expired or unknown token gets the not-found page.
 */
export function registerPreviewRoute(
  app: FastifyInstance,
  deps: {
    db: Kysely<Database>
    memo: TaggedMemo
    config: Config
    clock: Clock
    assets: AssetManifest
    logoUrl: () => string
    notFound: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>
  },
): void {
  const { db, clock } = deps
  const previews = createPreviewLinks({ db, now: () => clock.now() })
  app.get('/preview/:token', { config: { access: 'public' } }, async (request, reply) => {
    reply.header('x-robots-tag', 'noindex')
    const check = await previews.check((request.params as { token: string }).token)
    const article = check.kind === 'valid' ? await findArticleById(db, check.articleId) : undefined
    const edition =
      article &&
      (await readEditions(db, deps.memo, clock.now())).find((e) => e.code === article.language)
    if (!article || !edition) return deps.notFound(request, reply)
    const context = await loadSiteContext({ ...deps, edition, now: clock.now() })
    const lookup = await loadArticle(context, article.id, { isPreview: true })
    if (lookup.kind !== 'found') return deps.notFound(request, reply)
    const page = ArticlePage({
      frame: context.frame,
      article: lookup.view,
      logoUrl: deps.logoUrl(),
      isPreview: true,
    })
    return sendPage(reply, page, { cacheControl: PREVIEW_CACHE_CONTROL })
  })
}
