import { contextOf } from '../../http/change-context.js'
import { z } from 'zod'
import { defineRoute } from '../../http/api-route.js'
import { listOf } from '../../http/response-schemas.js'
import { ID_PARAMS } from '../../http/common-schemas.js'
import { setSessionCookie, SESSION_COOKIE } from '../../http/authentication.js'
import { USER_ROLES } from '../users/user-queries.js'
import { UI_LANGUAGES } from './account-service.js'
import type { AccessServices } from './access-services.js'
import { permissionsOf, TOKEN_SCOPES, type TokenScope } from './permissions.js'
import {
  ACCOUNT_LISTING,
  API_TOKEN,
  NEW_API_TOKEN,
  SESSION,
  TWO_FACTOR_ENROLMENT,
  USER,
} from './access-responses.js'

interface Deps extends AccessServices {
  siteUrl: string
}

const email = z.email().max(254)

/** Sign-in and sessions, the signed-in person's account, API tokens and newsroom accounts. */
export function accessRoutes(deps: Deps) {
  const { sessions, account, tokens, users } = deps
  const isSecureCookie = deps.siteUrl.startsWith('https:')
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
      response: SESSION,
      handle: async ({ body, request, reply }) => {
        const session = await sessions.signIn({
          ...body,
          ipAddress: request.ip,
          userAgent: request.headers['user-agent'] ?? null,
          replacedToken: request.cookies[SESSION_COOKIE],
        })
        setSessionCookie(reply, session.token, isSecureCookie)
        return {
          user: session.user,
          csrfToken: session.csrfToken,
          permissions: permissionsOf(session.user.role),
        }
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/admin/session',
      access: { permission: 'account.self' },
      tag: 'session',
      summary:
        'The signed-in person, the permissions of their role and the CSRF token of the session',
      response: SESSION,
      handle: async ({ request }) => {
        const current = await sessions.current(contextOf(request).actor, request.sessionId)
        return { ...current, permissions: permissionsOf(current.user.role) }
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/admin/session',
      access: { permission: 'account.self' },
      tag: 'session',
      summary: 'Sign out: ends the session and clears the cookie',
      handle: async ({ request, reply }) => {
        await sessions.signOut(contextOf(request), request.sessionId)
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
      response: USER,
      handle: ({ body, request }) => account.updateProfile(contextOf(request), body),
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
      handle: ({ body, request }) =>
        account.changePassword(contextOf(request), {
          ...body,
          sessionId: request.sessionId ?? undefined,
        }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/account/two-factor',
      access: { permission: 'account.self' },
      tag: 'account',
      summary: 'Start two-factor enrolment: a secret and otpauth URI to confirm with a code',
      response: TWO_FACTOR_ENROLMENT,
      handle: ({ request }) => account.beginTwoFactor(contextOf(request)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/account/two-factor/confirm',
      access: { permission: 'account.self' },
      tag: 'account',
      summary: 'Turn two-factor sign-in on with a first code from the app',
      body: z.strictObject({ code: z.string().max(10) }),
      handle: ({ body, request }) => account.confirmTwoFactor(contextOf(request), body.code),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/admin/account/two-factor',
      access: { permission: 'account.self' },
      tag: 'account',
      summary: 'Turn two-factor sign-in off (needs the password)',
      body: z.strictObject({ password: z.string().max(1000) }),
      handle: ({ body, request }) => account.disableTwoFactor(contextOf(request), body.password),
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
      handle: async ({ body, request }) => {
        await account.requestPasswordReset({ ipAddress: request.ip }, body.email)
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
      handle: ({ body, request }) => account.completePasswordReset({ ipAddress: request.ip }, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/admin/tokens',
      access: { permission: 'tokens.manage' },
      tag: 'tokens',
      summary: 'API tokens (never their secrets)',
      response: listOf(API_TOKEN),
      handle: async ({ request }) => ({ items: await tokens.list(contextOf(request).actor) }),
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
      response: NEW_API_TOKEN,
      handle: async ({ body, request }) => {
        const created = await tokens.create(contextOf(request), {
          name: body.name,
          scopes: body.scopes as TokenScope[],
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
      handle: ({ params, request }) => tokens.revoke(contextOf(request), params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/admin/users',
      access: { permission: 'users.manage' },
      tag: 'users',
      summary: 'Newsroom accounts',
      response: listOf(USER),
      handle: async ({ request }) => ({ items: await users.list(contextOf(request).actor) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/admin/users/directory',
      access: { permission: 'users.directory' },
      tag: 'users',
      summary: 'Newsroom accounts by name, with email: the choices for a byline’s linked account',
      response: listOf(ACCOUNT_LISTING),
      handle: async ({ request }) => ({
        items: await users.directory(contextOf(request).actor),
      }),
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
      response: USER,
      handle: ({ body, request }) => users.create(contextOf(request), body),
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
      response: USER,
      handle: ({ params, body, request }) => users.update(contextOf(request), params.id, body),
    }),
  ]
}
