import fastifyCookie from '@fastify/cookie'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import { AppError } from '../errors/app-error.js'
import type { Clock } from '../platform/clock.js'
import { hasPermission, type Actor } from '../modules/access/actor.js'
import { resolveApiToken } from '../modules/access/api-tokens.js'
import { resolveSession, SESSION_LIFETIME_MS } from '../modules/access/sessions.js'

export const SESSION_COOKIE = 'masthead_session'
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling; null for anonymous requests and public routes. */
    actor: Actor | null
    /** The session behind a cookie-authenticated request. */
    sessionId: string | null
  }
}

export interface AuthenticationOptions {
  db: Kysely<Database>
  clock: Clock
  /** Secure cookies when the site is served over https. */
  isSecureCookie: boolean
}

/** Sets or clears the session cookie: HttpOnly, SameSite=Lax, Secure on https sites. */
export function setSessionCookie(
  reply: FastifyReply,
  token: string | null,
  isSecure: boolean,
): void {
  const options = { path: '/', httpOnly: true, sameSite: 'lax', secure: isSecure } as const
  if (token === null) void reply.clearCookie(SESSION_COOKIE, options)
  else
    void reply.setCookie(SESSION_COOKIE, token, { ...options, maxAge: SESSION_LIFETIME_MS / 1000 })
}

async function resolveActor(
  request: FastifyRequest,
  options: AuthenticationOptions,
): Promise<{ actor: Actor; sessionId: string | null; csrfToken: string | null } | undefined> {
  const now = options.clock.now()
  const authorization = request.headers.authorization
  if (authorization?.startsWith('Bearer ')) {
    const token = await resolveApiToken(options.db, authorization.slice(7).trim(), now)
    if (!token) throw new AppError('UNAUTHENTICATED', 'The API token is invalid or revoked')
    return {
      actor: { kind: 'token', tokenId: token.id, scopes: token.scopes, createdBy: token.createdBy },
      sessionId: null,
      csrfToken: null,
    }
  }
  const cookie = request.cookies[SESSION_COOKIE]
  if (!cookie) return undefined
  const session = await resolveSession(options.db, cookie, now)
  if (!session) return undefined
  const { user } = session
  return {
    actor: { kind: 'user', userId: user.id, role: user.role, name: user.name },
    sessionId: session.id,
    csrfToken: session.csrfToken,
  }
}

/**
 * Resolves the caller of every guarded route from a bearer token or the session cookie, then
 * enforces the route's declared permission (401 without a caller, 403 without the permission)
 * and the CSRF token on cookie-authenticated writes. Runs before the body is even parsed.
 */
export async function registerAuthentication(
  app: FastifyInstance,
  options: AuthenticationOptions,
): Promise<void> {
  await app.register(fastifyCookie)
  app.decorateRequest('actor', null)
  app.decorateRequest('sessionId', null)
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access
    if (access === undefined || access === 'public') return
    const caller = await resolveActor(request, options)
    if (!caller) throw new AppError('UNAUTHENTICATED', 'Sign in or send an API token')
    if (!hasPermission(caller.actor, access.permission)) {
      throw new AppError('FORBIDDEN', `This needs the ${access.permission} permission`)
    }
    if (caller.csrfToken !== null && UNSAFE_METHODS.has(request.method)) {
      if (request.headers['x-csrf-token'] !== caller.csrfToken) {
        throw new AppError('CSRF_TOKEN_INVALID', 'Send the session’s CSRF token in X-CSRF-Token')
      }
    }
    request.actor = caller.actor
    request.sessionId = caller.sessionId
  })
}
