import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { parseId } from '../../http/common-schemas.js'
import { dayOf, recordPageViews } from '../../modules/analytics/page-view-queries.js'
import { findArticleById } from '../../modules/articles/article-queries.js'
import type { Clock } from '../../platform/clock.js'
import { PUBLIC, type Params } from './site-route-kit.js'

const TRANSPARENT_GIF = Buffer.from(
  'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7',
  'base64',
)

/** The page-view counter of published articles: a beacon, and a pixel for readers without JS. */
export function registerPageViewRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; clock: Clock },
): void {
  const { db, clock } = deps

  const countView = async (request: FastifyRequest) => {
    const id = parseId((request.params as Params)['id'] ?? '')
    const article = id === undefined ? undefined : await findArticleById(db, id)
    if (article?.status === 'published')
      await recordPageViews(db, { articleId: article.id, day: dayOf(clock.now()) })
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
}
