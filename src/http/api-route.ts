import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import { AppError } from '../errors/app-error.js'
import { validationFailure } from '../errors/validation-failure.js'
import { CACHE_POLICIES } from './cache-policy.js'
import { matchesIfNoneMatch, strongEtag } from './conditional-response.js'
import type { RouteAccess } from './route-access.js'

type EmptyObject = z.ZodObject<Record<string, never>>

/** What the OpenAPI document says of a route: method, path, access, schemas. */
export interface RouteDescription<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** Fastify path syntax: `/api/admin/articles/:id`. */
  url: string
  access: RouteAccess
  summary: string
  /** The OpenAPI tag: the resource the route belongs to. */
  tag: string
  params?: P
  query?: Q
  body?: B
  /** Documents the success body; not enforced. */
  response?: z.ZodType
  successStatus?: number
  /** The body is multipart/form-data with one `file` part (uploads). */
  isMultipart?: boolean
}

/**
 * One API route: its description (access and the request schemas, which validate and document
 * it) and a handler that receives the parsed input.
 */
export interface ApiRoute<
  P extends z.ZodType = EmptyObject,
  Q extends z.ZodType = EmptyObject,
  B extends z.ZodType = z.ZodUnknown,
> extends RouteDescription<P, Q, B> {
  bodyLimit?: number
  handle(input: {
    params: z.output<P>
    query: z.output<Q>
    body: z.output<B>
    request: FastifyRequest
    reply: FastifyReply
  }): Promise<unknown>
}

/** Keeps the schema types of a route definition for its handler. */
export function defineRoute<
  P extends z.ZodType = EmptyObject,
  Q extends z.ZodType = EmptyObject,
  B extends z.ZodType = z.ZodUnknown,
>(route: ApiRoute<P, Q, B>): ApiRoute<z.ZodType, z.ZodType, z.ZodType> {
  return route
}

/** Parses one part of a request; a 400 names every invalid field, the first one first. */
function parsePart<T>(schema: z.ZodType<T> | undefined, value: unknown, part: string): T {
  if (!schema) return (value ?? {}) as T
  const result = schema.safeParse(value ?? (part === 'body' ? undefined : {}))
  if (result.success) return result.data
  throw validationFailure(result.error, { part })
}

/**
 * Parses a route's path parameters. A path that names no record (an id out of range, a word
 * where the id goes) is a 404, as for an id no record has: the record it would name cannot exist.
 */
function parseParams<T>(schema: z.ZodType<T> | undefined, request: FastifyRequest): T {
  if (!schema) return (request.params ?? {}) as T
  const result = schema.safeParse(request.params ?? {})
  if (result.success) return result.data
  throw new AppError('NOT_FOUND', `Nothing at ${request.url.split('?')[0] ?? ''}`)
}

const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i

/**
 * Refuses a body that is not JSON with 415. Forms and text/plain are what a page on another
 * site can send without the browser asking first (CORS), so the API reads no other.
 */
function requireJsonBody(
  request: FastifyRequest,
  _reply: FastifyReply,
  done: (error?: AppError) => void,
): void {
  const contentType = request.headers['content-type']
  if (contentType === undefined || JSON_MEDIA_TYPE.test(contentType)) return done()
  done(new AppError('UNSUPPORTED_BODY_TYPE', 'Send the body as application/json'))
}

/**
 * Public reads: shared caches may keep them a minute and serve them stale while refreshing,
 * unless the handler declared another policy (cacheResponse sets its Cache-Control).
 */
const PUBLIC_CACHE_CONTROL = CACHE_POLICIES.api.cacheControl

function sendCacheableJson(request: FastifyRequest, reply: FastifyReply, body: string) {
  const etag = strongEtag(body)
  const declared = reply.getHeader('cache-control')
  const cacheControl = typeof declared === 'string' ? declared : PUBLIC_CACHE_CONTROL
  void reply.header('etag', etag).header('cache-control', cacheControl)
  if (matchesIfNoneMatch(request, etag)) return reply.status(304).send()
  return reply.header('content-type', 'application/json; charset=utf-8').send(body)
}

/** Registers API routes: JSON in, schema validation, then the handler; JSON out, never cached. */
export function mountApiRoutes(
  app: FastifyInstance,
  routes: ApiRoute<z.ZodType, z.ZodType, z.ZodType>[],
): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      config: { access: route.access },
      ...(route.bodyLimit ? { bodyLimit: route.bodyLimit } : {}),
      ...(route.body && !route.isMultipart ? { onRequest: requireJsonBody } : {}),
      handler: async (request, reply) => {
        const params = parseParams(route.params, request)
        const query = parsePart(route.query, request.query, 'query')
        const body = route.body ? parsePart(route.body, request.body, 'body') : undefined
        const result = await route.handle({ params, query, body, request, reply })
        if (reply.sent) return reply
        if (result === undefined) return reply.status(204).send()
        if (route.access === 'public' && route.method === 'GET') {
          return sendCacheableJson(request, reply, JSON.stringify(result))
        }
        void reply.header('cache-control', 'no-store')
        return reply.status(route.successStatus ?? 200).send(result)
      },
    })
  }
}
