import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { UserRole } from '../../../src/db/database.js'
import { createApiToken } from '../../../src/modules/access/api-tokens.js'
import {
  PERMISSIONS,
  scopesReach,
  TOKEN_SCOPES,
  type TokenScope,
} from '../../../src/modules/access/permissions.js'
import { USER_ROLES } from '../../../src/modules/users/user-queries.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildEditions, TEST_NOW } from '../../helpers/factories.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

/** A path with every parameter filled by an id that does not exist. */
function concrete(url: string): string {
  return url.replace(/:(\w+)/g, '999999')
}

describeEachDatabase('the access matrix of the Admin API', (store) => {
  let app: FastifyInstance
  const clients = new Map<UserRole, NewsroomClient>()
  const tokens = new Map<TokenScope, string>()

  beforeAll(async () => {
    await buildEditions(store().db)
    app = await createTestApp(store())
    for (const role of USER_ROLES) clients.set(role, await signInAs(app, store().db, role))
    for (const scope of TOKEN_SCOPES) {
      const { token } = await createApiToken(
        store().db,
        { name: `matrix ${scope}`, scopes: [scope], createdBy: null },
        TEST_NOW,
      )
      tokens.set(scope, token)
    }
  })
  afterAll(() => app.close())

  // Signing out goes last: it ends the session the other requests use.
  const isSignOut = (route: { method: string; url: string }) =>
    route.method === 'DELETE' && route.url === '/api/admin/session'
  const guardedRoutes = () =>
    app.newsroom.routes
      .filter((route) => route.access !== 'public' && route.url.startsWith('/api/'))
      .sort((a, b) => Number(isSignOut(a)) - Number(isSignOut(b)))

  it('declares a permission on every Admin API route but sign-in and password reset', () => {
    const open = app.newsroom.routes
      .filter((route) => route.access === 'public' && route.url.startsWith('/api/admin'))
      .map((route) => `${route.method} ${route.url}`)
      .sort()
    expect(open).toEqual([
      'POST /api/admin/password-resets',
      'POST /api/admin/password-resets/complete',
      'POST /api/admin/session',
    ])
    expect(guardedRoutes().length).toBeGreaterThan(40)
  })

  it('answers 401 on every guarded route without a session or token', async () => {
    for (const route of guardedRoutes()) {
      const response = await app.inject({
        method: route.method as 'GET',
        url: concrete(route.url),
        payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
      })
      expect(response.statusCode, `${route.method} ${route.url}`).toBe(401)
      expect(response.json<{ errors: { code: string }[] }>().errors[0]?.code).toBe(
        'UNAUTHENTICATED',
      )
    }
  })

  it('lets each role through exactly the routes its permissions allow', async () => {
    for (const route of guardedRoutes()) {
      if (route.access === 'public') continue
      const allowed = PERMISSIONS[route.access.permission].roles
      for (const role of USER_ROLES) {
        const client = clients.get(role)
        if (!client) throw new Error(role)
        const response = await client.request({
          method: route.method,
          url: concrete(route.url),
          payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        })
        const label = `${role} ${route.method} ${route.url} → ${response.statusCode} ${response.body.slice(0, 200)}`
        if (allowed.includes(role)) {
          expect([401, 403], label).not.toContain(response.statusCode)
        } else {
          expect(response.statusCode, label).toBe(403)
        }
      }
    }
  })

  it('lets each token scope through exactly the routes its scope (or a lesser one) allows', async () => {
    for (const route of guardedRoutes()) {
      if (route.access === 'public') continue
      const scope = PERMISSIONS[route.access.permission].scope
      for (const [tokenScope, token] of tokens) {
        const response = await app.inject({
          method: route.method as 'GET',
          url: concrete(route.url),
          headers: { authorization: `Bearer ${token}` },
          payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        })
        const label = `${tokenScope} token ${route.method} ${route.url} → ${response.statusCode}`
        if (scope !== null && scopesReach([tokenScope], scope))
          expect([401, 403], label).not.toContain(response.statusCode)
        else expect(response.statusCode, label).toBe(403)
      }
    }
  })
})
