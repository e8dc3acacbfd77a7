import type { FastifyInstance, InjectOptions } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createApiToken } from '../../../src/modules/access/api-tokens.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildEditions, TEST_NOW } from '../../helpers/factories.js'
import { buildUser, sessionCookieOf, TEST_PASSWORD } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

const errorCode = (response: { json: () => unknown }) =>
  (response.json() as { errors: { code: string }[] }).errors[0]?.code

const FOREIGN_ORIGIN = 'https://evil.example'

describeEachDatabase('writes from another site (CSRF, login CSRF)', (store) => {
  let app: FastifyInstance

  beforeAll(async () => {
    await buildEditions(store().db)
    // The site is https://news.example (createTestApp), reached here as http://localhost.
    app = await createTestApp(store())
  })
  afterAll(() => app.close())

  const sessionCount = async () =>
    Number(
      (
        await store()
          .db.selectFrom('sessions')
          .select((eb) => eb.fn.countAll().as('count'))
          .executeTakeFirstOrThrow()
      ).count,
    )

  const signIn = (account: { email: string }, options: Omit<InjectOptions, 'url'> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/admin/session',
      payload: { email: account.email, password: TEST_PASSWORD },
      ...options,
    })

  /** A signed-in browser of the site: its cookie and CSRF token. */
  async function signedIn(role: 'editor' | 'author' = 'editor') {
    const account = await buildUser(store().db, role)
    const response = await signIn(account)
    return {
      cookie: sessionCookieOf(response),
      csrfToken: response.json<{ csrfToken: string }>().csrfToken,
    }
  }

  it('refuses a form-encoded or text/plain sign-in with 415 and sets no cookie', async () => {
    const account = await buildUser(store().db, 'editor')
    const before = await sessionCount()
    const bodies = [
      ['application/x-www-form-urlencoded', `email=${account.email}&password=${TEST_PASSWORD}`],
      ['text/plain', JSON.stringify({ email: account.email, password: TEST_PASSWORD })],
    ]
    for (const [contentType, payload] of bodies) {
      const response = await signIn(account, { headers: { 'content-type': contentType }, payload })
      expect([response.statusCode, errorCode(response)], contentType).toEqual([
        415,
        'UNSUPPORTED_BODY_TYPE',
      ])
      expect(response.headers['set-cookie'], contentType).toBeUndefined()
    }
    expect(await sessionCount()).toBe(before)
  })

  it('refuses a sign-in from another site with 403, keeping the session the browser had', async () => {
    const victim = await signedIn()
    const attacker = await buildUser(store().db, 'author')
    const before = await sessionCount()
    const crossSite = [
      { origin: FOREIGN_ORIGIN },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site', origin: 'https://blog.news.example' },
    ]
    for (const headers of crossSite) {
      const response = await signIn(attacker, { headers: { ...headers, cookie: victim.cookie } })
      const label = JSON.stringify(headers)
      expect([response.statusCode, errorCode(response)], label).toEqual([403, 'CROSS_SITE_REQUEST'])
      expect(response.headers['set-cookie'], label).toBeUndefined()
    }
    expect(await sessionCount()).toBe(before)
    const session = await app.inject({
      method: 'GET',
      url: '/api/admin/session',
      headers: { cookie: victim.cookie },
    })
    expect(session.statusCode).toBe(200)
  })

  it('signs in from the site itself, by its configured or its own origin, or from a script', async () => {
    const account = await buildUser(store().db, 'editor')
    const ownRequests = [
      { origin: 'https://news.example' },
      { origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' },
      { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'none' },
      {},
    ]
    for (const headers of ownRequests) {
      const response = await signIn(account, { headers })
      expect(response.statusCode, JSON.stringify(headers)).toBe(200)
    }
  })

  it('sets the session cookie HttpOnly, SameSite=Lax and Secure on an https site', async () => {
    const account = await buildUser(store().db, 'author')
    const cookie = (await signIn(account)).cookies.find(({ name }) => name === 'masthead_session')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true, path: '/' })
  })

  it('refuses a cookie-authenticated write from another origin and changes nothing', async () => {
    const { cookie, csrfToken } = await signedIn()
    const rename = (headers: Record<string, string>) =>
      app.inject({
        method: 'PATCH',
        url: '/api/admin/account',
        headers: { cookie, 'x-csrf-token': csrfToken, ...headers },
        payload: { name: 'Renamed' },
      })
    const readName = async () =>
      (await app.inject({ method: 'GET', url: '/api/admin/session', headers: { cookie } })).json<{
        user: { name: string }
      }>().user.name
    const before = await readName()

    const foreign = await rename({ origin: FOREIGN_ORIGIN })
    expect([foreign.statusCode, errorCode(foreign)]).toEqual([403, 'CROSS_SITE_REQUEST'])
    const sameSite = await rename({ 'sec-fetch-site': 'same-site' })
    expect(sameSite.statusCode).toBe(403)
    expect(await readName()).toBe(before)

    expect((await rename({ origin: 'https://news.example' })).statusCode).toBe(200)
    expect(await readName()).toBe('Renamed')
  })

  it('refuses a sign-out from another site, so the session lives on', async () => {
    const { cookie, csrfToken } = await signedIn('author')
    const signOut = (origin: string) =>
      app.inject({
        method: 'DELETE',
        url: '/api/admin/session',
        headers: { cookie, 'x-csrf-token': csrfToken, origin },
      })
    expect((await signOut(FOREIGN_ORIGIN)).statusCode).toBe(403)
    const session = () =>
      app.inject({ method: 'GET', url: '/api/admin/session', headers: { cookie } })
    expect((await session()).statusCode).toBe(200)
    expect((await signOut('https://news.example')).statusCode).toBe(204)
    expect((await session()).statusCode).toBe(401)
  })

  it('takes API-token writes from anywhere, with or without an Origin', async () => {
    const { token } = await createApiToken(
      store().db,
      { name: 'integration', scopes: ['write'], createdBy: null },
      TEST_NOW,
    )
    const cases: Record<string, string>[] = [{}, { origin: FOREIGN_ORIGIN }]
    for (const [index, headers] of cases.entries()) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/admin/tags',
        headers: { ...headers, authorization: `Bearer ${token}` },
        payload: { language: 'en', name: `Token tag ${index}` },
      })
      expect(response.statusCode, JSON.stringify(headers)).toBe(201)
    }
  })
})
