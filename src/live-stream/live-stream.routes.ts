import type { FastifyInstance } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import { AppError } from '../errors/app-error.js'
import { parseId } from '../http/common-schemas.js'
import { findLiveSummariesByIds } from '../modules/articles/article-queries.js'
import type { FrameOf } from './edition-frames.js'
import { LIVE_STREAM_PATH } from '../site/site-urls.js'
import { parseEventId } from './server-sent-events.js'
import type { StreamHub } from './stream-hub.js'

type Query = Record<string, string | undefined>

/**
 * `GET /live/stream?lang={code}[&article={id}][&after={entryId}]`: an EventSource stream of the
 * edition's breaking items and, with `article`, the entries of a published live story. Answered
 * by the origin (Cache-Control: no-store, X-Accel-Buffering: no); resumes with Last-Event-ID.
 */
export function registerLiveStreamRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; hub: StreamHub; frameOf: FrameOf; now: () => Date },
): void {
  app.addHook('preClose', (done) => {
    deps.hub.close()
    done()
  })
  app.get(
    LIVE_STREAM_PATH,
    // No HEAD: it would hold a stream open that sends nothing.
    { config: { access: 'public', isNeverCached: true }, exposeHeadRoute: false },
    async (request, reply) => {
      const query = request.query as Query
      const language = query['lang'] ?? ''
      if (!(await deps.frameOf(language)))
        throw new AppError('NOT_FOUND', `There is no edition ${language}`, { property: 'lang' })
      const articleId = query['article'] === undefined ? undefined : parseId(query['article'])
      if (query['article'] !== undefined) {
        const story =
          articleId === undefined
            ? undefined
            : (await findLiveSummariesByIds(deps.db, [articleId], deps.now())).get(articleId)
        if (story?.type !== 'live' || story.language !== language)
          throw new AppError(
            'NOT_FOUND',
            `There is no live story ${query['article']} in ${language}`,
            {
              property: 'article',
            },
          )
      }
      reply.hijack()
      // Those set so far (the request id); the reply's own hooks do not run for a hijacked one.
      for (const [name, value] of Object.entries(reply.getHeaders()))
        if (value !== undefined) reply.raw.setHeader(name, value)
      reply.raw.writeHead(200, {
        'x-content-type-options': 'nosniff',
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        // nginx would otherwise hold the events in its proxy buffer.
        'x-accel-buffering': 'no',
      })
      await deps.hub.open(reply.raw, {
        language,
        articleId,
        lastEventId: parseEventId(request.headers['last-event-id']),
        afterEntryId: query['after'] === undefined ? undefined : parseId(query['after']),
      })
    },
  )
}
