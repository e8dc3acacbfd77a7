import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { parseId } from '../../http/common-schemas.js'
import { createPageViewCounter } from '../../modules/analytics/page-view-counter.js'
import type { Clock } from '../../platform/clock.js'
import type { SharedLimits } from '../../platform/limits/shared-limits.js'
import { PUBLIC, type Params } from './site-route-kit.js'

const TRANSPARENT_GIF = Buffer.from(
  'R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7',
  'base64',
)

/**
 * The page-view counter of published articles: a beacon, and a pixel for readers without JS.
 * Both answer the same whether the view counted or not (the page never reads the answer, and a
 * refusal would only tell a script when to change address).
 */
export function registerPageViewRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; clock: Clock; limits: SharedLimits },
): void {
  const counter = createPageViewCounter(deps)

  const countView = async (request: FastifyRequest) => {
    // An id no article could have counts nothing, like any unknown article.
    const articleId = parseId((request.params as Params)['id'] ?? '')
    if (articleId === undefined) return
    await counter.count({
      articleId,
      address: request.ip,
      userAgent: request.headers['user-agent'],
      fetchSite: [request.headers['sec-fetch-site']].flat()[0],
    })
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
