import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { Config } from '../../config/config.js'
import type { Database } from '../../db/database.js'
import { listLatestArticles } from '../../modules/articles/article-queries.js'
import type { Edition } from '../../modules/editions/edition-queries.js'
import { findRedirect } from '../../modules/redirects/redirect-queries.js'
import type { Clock } from '../../platform/clock.js'
import type { TaggedMemo } from '../../page-cache/tagged-memo.js'
import type { AssetManifest } from '../assets/asset-manifest.js'
import { loadCards } from '../loaders/load-cards.js'
import { loadSiteContext, readEditions, type SiteContext } from '../loaders/load-frame.js'
import { ErrorPage } from '../pages/error-page.js'
import { CACHE_CONTROL, sendPage } from '../render.js'

/** The route options of every page of the site: open to everyone. */
export const PUBLIC = { config: { access: 'public' as const } }

export type Params = Record<string, string>
export type Query = Record<string, string | undefined>

/** The `page` query parameter, 1 when it is missing or out of range. */
export function pageNumber(query: Query): number {
  const page = Number.parseInt(query['page'] ?? '1', 10)
  return Number.isFinite(page) && page > 0 && page < 10_000 ? page : 1
}

/** A page handler of a known edition. */
export type EditionHandler = (
  context: SiteContext,
  request: FastifyRequest,
  reply: FastifyReply,
) => Promise<unknown>

/** What the site's route files share: the database, the editions and the not-found page. */
export interface SiteRouteKit {
  db: Kysely<Database>
  config: Config
  /** The edition whose code is `language`, if there is one. */
  editionFor: (language: string) => Promise<Edition | undefined>
  defaultEdition: () => Promise<Edition>
  contextFor: (edition: Edition) => Promise<SiteContext>
  logoUrl: () => string
  /** The edition's 404 or 410 page with the latest news. */
  sendError: (
    reply: FastifyReply,
    context: SiteContext,
    status: 404 | 410,
    path: string,
  ) => Promise<FastifyReply>
  /** A 301 from the redirects table, else the edition's 404 page (the default edition's off-site). */
  notFound: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>
  /** Runs a page handler for a known edition; an unknown prefix is a 404. */
  withEdition: (
    handler: EditionHandler,
  ) => (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>
}

/** The helpers every page route of the site is built with. */
export function createSiteRouteKit(deps: {
  db: Kysely<Database>
  config: Config
  clock: Clock
  assets: AssetManifest
  frameMemo: TaggedMemo
}): SiteRouteKit {
  const { db, config, clock, assets, frameMemo } = deps

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
    status: 404 | 410,
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

  const withEdition =
    (handler: EditionHandler) => async (request: FastifyRequest, reply: FastifyReply) => {
      const edition = await editionFor((request.params as Params)['lang'] ?? '')
      if (!edition) return notFound(request, reply)
      return handler(await contextFor(edition), request, reply)
    }

  return {
    db,
    config,
    editionFor,
    defaultEdition,
    contextFor,
    logoUrl,
    sendError,
    notFound,
    withEdition,
  }
}
