import { readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { UserRole } from '../../../src/db/database.js'
import { createApiToken } from '../../../src/modules/access/api-tokens.js'
import {
  OWN_ARTICLES_ONLY,
  PERMISSIONS,
  scopesReach,
  TOKEN_SCOPES,
  type Permission,
  type TokenScope,
} from '../../../src/modules/access/permissions.js'
import { USER_ROLES } from '../../../src/modules/users/user-queries.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildEditions, TEST_NOW } from '../../helpers/factories.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

/** What a role's cell of the docs' table says: let through (to all, or to its own), or not. */
type Grant = 'yes' | 'all' | 'own' | 'no'

/** One row of the role table in docs/api.md: its permissions and each role's grant. */
interface DocumentedRow {
  what: string
  permissions: Permission[]
  grants: Map<UserRole, Grant>
}

const GRANTS: Record<string, Grant> = { yes: 'yes', all: 'all', own: 'own', '–': 'no' }

/** The rows of the table under "### Who may do what" in docs/api.md. */
function readRoleTable(): DocumentedRow[] {
  const markdown = readFileSync(new URL('../../../docs/api.md', import.meta.url), 'utf8')
  const heading = markdown.indexOf('### Who may do what')
  if (heading < 0) throw new Error('docs/api.md has no "### Who may do what" section')
  const section = markdown.slice(heading)
  const lines = section.slice(section.indexOf('\n|') + 1).split('\n')
  const table = lines.slice(
    0,
    lines.findIndex((line) => !line.startsWith('|')),
  )
  const cellsOf = (line: string) =>
    line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim())
  const [header = [], , ...rows] = table.map(cellsOf)
  return rows.map(([what = '', permissions = '', ...cells]) => {
    const grants = new Map<UserRole, Grant>()
    cells.forEach((cell, index) => {
      const role = header[index + 2] as UserRole
      const grant = GRANTS[cell]
      if (!USER_ROLES.includes(role) || !grant) throw new Error(`"${cell}" for ${role} in ${what}`)
      grants.set(role, grant)
    })
    const named = [...permissions.matchAll(/`([\w.]+)`/g)].map((match) => match[1] as Permission)
    return { what, permissions: named, grants }
  })
}

/** A path with every parameter filled by an id that does not exist. */
function concrete(url: string): string {
  return url.replace(/:(\w+)/g, '999999')
}

describeEachDatabase('the access matrix of the Admin API', (store) => {
  let app: FastifyInstance
  const clients = new Map<UserRole, NewsroomClient>()
  const tokens = new Map<TokenScope, string>()
  let documented: DocumentedRow[] = []

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
    documented = readRoleTable()
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

  it('documents every permission in one row of the role table, with its roles', () => {
    const rowsOf = (permission: string) =>
      documented.filter((row) => row.permissions.includes(permission as Permission))
    for (const row of documented) expect([...row.grants.keys()], row.what).toEqual(USER_ROLES)
    expect(documented.flatMap((row) => row.permissions).sort()).toEqual(
      Object.keys(PERMISSIONS).sort(),
    )
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      const [row] = rowsOf(permission)
      expect(rowsOf(permission), permission).toHaveLength(1)
      const holders = USER_ROLES.filter((role) => row?.grants.get(role) !== 'no')
      expect(holders, `${permission} (${row?.what})`).toEqual(
        USER_ROLES.filter((role) => PERMISSIONS[permission].roles.includes(role)),
      )
      for (const role of holders) {
        const isOwnOnly = OWN_ARTICLES_ONLY.includes(role) && permission.startsWith('articles.')
        expect(row?.grants.get(role) === 'own', `${role} ${permission}`).toBe(isOwnOnly)
      }
    }
  })

  it('lets each role through exactly the routes its row of the documented table allows', async () => {
    for (const route of guardedRoutes()) {
      if (route.access === 'public') continue
      const { permission } = route.access
      const row = documented.find((candidate) => candidate.permissions.includes(permission))
      if (!row) throw new Error(`${route.method} ${route.url}: ${permission} is not in the table`)
      for (const role of USER_ROLES) {
        const client = clients.get(role)
        if (!client) throw new Error(role)
        const response = await client.request({
          method: route.method,
          url: concrete(route.url),
          payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
        })
        const grant = row.grants.get(role)
        const label = `${row.what}: ${role} (${grant}) ${route.method} ${route.url} → ${response.statusCode} ${response.body.slice(0, 200)}`
        if (grant === 'no') expect(response.statusCode, label).toBe(403)
        else expect([401, 403], label).not.toContain(response.statusCode)
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
