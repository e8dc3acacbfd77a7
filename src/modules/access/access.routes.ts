import type { FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { defineRoute } from '../../api/api-route.js'
import type { Database } from '../../db/database.js'
import { AppError } from '../../errors/app-error.js'
import { setSessionCookie, SESSION_COOKIE } from '../../http/authentication.js'
import type { Clock } from '../../platform/clock.js'
import type { Mailer } from '../../platform/mail/mailer.js'
import { recordAudit } from '../audit/audit-queries.js'
import { findUsersByIds, USER_ROLES } from '../users/user-queries.js'
import { addUser, listUsers, updateUser } from '../users/user-service.js'
import {
  beginTotpEnrolment,
  changeOwnPassword,
  completePasswordReset,
  confirmTotp,
  disableTotp,
  requestPasswordReset,
  UI_LANGUAGES,
  updateOwnProfile,
} from './account-service.js'
import { auditActor, type Actor } from './actor.js'
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.js'
import { TOKEN_SCOPES } from './permissions.js'
import { hashToken, revokeSession } from './sessions.js'
import { signIn } from './sign-in.js'
import { ID_PARAMS } from '../../api/common-schemas.js'

interface Deps {
  db: Kysely<Database>
  clock: Clock
  siteUrl: string
  mailer?: Mailer
}

const email = z.email().max(254)

function signedInUser(request: FastifyRequest): Extract<Actor, { kind: 'user' }> {
  const actor = request.actor
  if (actor?.kind !== 'user') {
    throw new AppError('FORBIDDEN', 'This is for people signed in, not for API tokens')
  }
  return actor
}

/** Sign-in and sessions, the signed-in person's account, API tokens and newsroom accounts. */
export function accessRoutes(deps: Deps) {
  const { db, clock } = deps
  const isSecureCookie = deps.siteUrl.startsWith('https:')
  const audit = (
    request: FastifyRequest,
    action: string,
    entity: [string, number | string],
    details = {},
  ) =>
    recordAudit(
      db,
      {
        ...auditActor(request.actor ?? { kind: 'system' }),
        action,
        entityType: entity[0],
        entityId: String(entity[1]),
        details: { ...details, ipAddress: request.ip },
      },
      clock.now(),
    )
  return [
    defineRoute({
      method: 'POST',
      url: '/api/admin/session',
      access: 'public',
      tag: 'session',
      summary:
        'Sign in with email and password (and code with two-factor); sets the session cookie',
      body: z.strictObject({
        email: z.string().max(254),
        password: z.string().max(1000),
        code: z.string().max(10).optional(),
      }),
      handle: async ({ body, request, reply }) => {
        const previous = request.cookies[SESSION_COOKIE]
        const session = await signIn(
          db,
          { ...body, ipAddress: request.ip, userAgent: request.headers['user-agent'] ?? null },
          clock.now(),
        )
        // A session id planted before sign-in is dropped, never promoted.
        if (previous) await revokeSession(db, hashToken(previous))
        setSessionCookie(reply, session.token, isSecureCookie)
        request.actor = {
          kind: 'user',
          userId: session.user.id,
          role: session.user.role,
          name: session.user.name,
        }
        await audit(request, 'session.create', ['user', session.user.id])
        return { user: session.user, csrfToken: session.csrfToken }
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/admin/session',
      access: { permission: 'account.self' },
      tag: 'session',
      summary: 'The signed-in person and the CSRF token of the session',
      handle: async ({ request }) => {
        const actor = signedInUser(request)
        const session = await db
          .selectFrom('sessions')
          .select('csrfToken')
          .where('id', '=', request.sessionId ?? '')
          .executeTakeFirst()
        const user = (await findUsersByIds(db, [actor.userId])).get(actor.userId)
        const twoFactor = await db
          .selectFrom('users')
          .select('totpSecret')
          .where('id', '=', actor.userId)
          .executeTakeFirst()
        return {
          user: { ...user, hasTwoFactor: Boolean(twoFactor?.totpSecret) },
          csrfToken: session?.csrfToken ?? null,
        }
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/admin/session',
      access: { permission: 'account.self' },
      tag: 'session',
      summary: 'Sign out: ends the session and clears the cookie',
      handle: async ({ request, reply }) => {
        if (request.sessionId) await revokeSession(db, request.sessionId)
        setSessionCookie(reply, null, isSecureCookie)
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/admin/account',
      access: { permission: 'account.self' },
      tag: 'account',
      summary: 'Change your own name or newsroom interface language (en, ar)',
      body: z.strictObject({
        name: z.string().trim().min(1).max(100).optional(),
        uiLanguage: z.enum(UI_LANGUAGES).optional(),
      }),
      handle: async ({ body, request }) => {
        const actor = signedInUser(request)
        const user = await updateOwnProfile(db, { userId: actor.userId, ...body }, clock.now())
        await audit(request, 'user.update_profile', ['user', actor.userId], body)
        return user
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/account/password',
      access: { permission: 'account.self' },
      tag: 'account',
      summary: 'Change your password; every other session of yours ends',
      body: z.strictObject({
        currentPassword: z.string().max(1000),
        newPassword: z.string().max(1000),
      }),
      handle: async ({ body, request }) => {
        const actor = signedInUser(request)
        await changeOwnPassword(
          db,
          { userId: actor.userId, ...body, sessionId: request.sessionId ?? undefined },
          clock.now(),
        )
        await audit(request, 'user.change_password', ['user', actor.userId])
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/account/two-factor',
      access: { permission: 'account.self' },
      tag: 'account',
      summary: 'Start two-factor enrolment: a secret and otpauth URI to confirm with a code',
      handle: async ({ request }) => {
        const actor = signedInUser(request)
        const user = (await findUsersByIds(db, [actor.userId])).get(actor.userId)
        return beginTotpEnrolment(db, {
          userId: actor.userId,
          email: user?.email ?? '',
          issuer: 'Masthead',
        })
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/account/two-factor/confirm',
      access: { permission: 'account.self' },
      tag: 'account',
      summary: 'Turn two-factor sign-in on with a first code from the app',
      body: z.strictObject({ code: z.string().max(10) }),
      handle: async ({ body, request }) => {
        const actor = signedInUser(request)
        await confirmTotp(db, { userId: actor.userId, code: body.code }, clock.now())
        await audit(request, 'user.enable_two_factor', ['user', actor.userId])
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/admin/account/two-factor',
      access: { permission: 'account.self' },
      tag: 'account',
      summary: 'Turn two-factor sign-in off (needs the password)',
      body: z.strictObject({ password: z.string().max(1000) }),
      handle: async ({ body, request }) => {
        const actor = signedInUser(request)
        await disableTotp(db, { userId: actor.userId, password: body.password }, clock.now())
        await audit(request, 'user.disable_two_factor', ['user', actor.userId])
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/password-resets',
      access: 'public',
      tag: 'account',
      summary:
        'Email a password reset link (answers 202 whether or not the address has an account)',
      body: z.strictObject({ email }),
      successStatus: 202,
      handle: async ({ body }) => {
        const { mailer } = deps
        if (!mailer) {
          throw new AppError('CONFLICT', 'Password reset by email needs SMTP (MASTHEAD_SMTP_URL)')
        }
        await requestPasswordReset(
          {
            db,
            mailer,
            resetUrl: (token) => `${deps.siteUrl}/admin/reset-password#token=${token}`,
          },
          body.email,
          clock.now(),
        )
        return { accepted: true }
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/password-resets/complete',
      access: 'public',
      tag: 'account',
      summary: 'Set a new password with the emailed token; signs the account out everywhere',
      body: z.strictObject({ token: z.string().max(200), newPassword: z.string().max(1000) }),
      handle: ({ body }) => completePasswordReset(db, body, clock.now()),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/admin/tokens',
      access: { permission: 'tokens.manage' },
      tag: 'tokens',
      summary: 'API tokens (never their secrets)',
      handle: async () => ({ items: await listApiTokens(db) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/tokens',
      access: { permission: 'tokens.manage' },
      tag: 'tokens',
      summary: 'Create an API token; its secret is in this answer only',
      body: z.strictObject({
        name: z.string().trim().min(1).max(100),
        scopes: z.array(z.enum(TOKEN_SCOPES as [string, ...string[]])).min(1),
      }),
      successStatus: 201,
      handle: async ({ body, request }) => {
        const actor = signedInUser(request)
        const created = await createApiToken(
          db,
          {
            name: body.name,
            scopes: body.scopes as (typeof TOKEN_SCOPES)[number][],
            createdBy: actor.userId,
          },
          clock.now(),
        )
        await audit(request, 'token.create', ['api_token', created.apiToken.id], {
          scopes: body.scopes,
        })
        return { ...created.apiToken, token: created.token }
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/admin/tokens/:id',
      access: { permission: 'tokens.manage' },
      tag: 'tokens',
      summary: 'Revoke an API token at once',
      params: ID_PARAMS,
      handle: async ({ params, request }) => {
        if (!(await revokeApiToken(db, params.id, clock.now()))) {
          throw new AppError('NOT_FOUND', `There is no live token ${params.id}`)
        }
        await audit(request, 'token.revoke', ['api_token', params.id])
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/admin/users',
      access: { permission: 'users.manage' },
      tag: 'users',
      summary: 'Newsroom accounts',
      handle: async () => ({ items: await listUsers(db) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/users',
      access: { permission: 'users.manage' },
      tag: 'users',
      summary: 'Add a newsroom account',
      body: z.strictObject({
        email,
        name: z.string().trim().min(1).max(100),
        role: z.enum(USER_ROLES as [string, ...string[]]),
        password: z.string().max(1000),
      }),
      successStatus: 201,
      handle: async ({ body, request }) => {
        const user = await addUser(
          db,
          { ...body, role: body.role as (typeof USER_ROLES)[number] },
          clock.now(),
        )
        await audit(request, 'user.create', ['user', user.id], { role: user.role })
        return user
      },
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/admin/users/:id',
      access: { permission: 'users.manage' },
      tag: 'users',
      summary: 'Change an account’s name or role, or disable it (which signs it out)',
      params: ID_PARAMS,
      body: z.strictObject({
        name: z.string().trim().min(1).max(100).optional(),
        role: z.enum(USER_ROLES as [string, ...string[]]).optional(),
        isDisabled: z.boolean().optional(),
      }),
      handle: async ({ params, body, request }) => {
        const actor = signedInUser(request)
        const user = await updateUser(
          db,
          {
            id: params.id,
            actingUserId: actor.userId,
            ...body,
            role: body.role as (typeof USER_ROLES)[number] | undefined,
          },
          clock.now(),
        )
        await audit(request, 'user.update', ['user', user.id], body)
        return user
      },
    }),
  ]
}
