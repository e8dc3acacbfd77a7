import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  hashToken,
  SESSION_IDLE_MS,
  SESSION_LIFETIME_MS,
} from '../../../src/modules/access/sessions.js'
import { manualClock } from '../../../src/platform/clock.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildEditions, buildSection, TEST_NOW } from '../../helpers/factories.js'
import {
  buildUser,
  sessionCookieOf,
  signIn,
  TEST_PASSWORD,
  type NewsroomClient,
} from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

const HOUR_MS = 3_600_000

describeEachDatabase('session rotation, expiry and revocation', (store) => {
  const clock = manualClock(TEST_NOW)
  let app: FastifyInstance

  beforeAll(async () => {
    await buildEditions(store().db)
    await buildSection(store().db, { slug: 'sessions' })
    app = await createTestApp(store(), { clock })
  })
  afterAll(() => app.close())

  const signInWith = (email: string, cookie?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/admin/session',
      headers: cookie ? { cookie } : {},
      payload: { email, password: TEST_PASSWORD },
    })
  const whoIs = async (cookie: string) => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/admin/session',
      headers: { cookie },
    })
    return response.statusCode === 200
      ? response.json<{ user: { email: string } }>().user.email
      : response.statusCode
  }
  const alive = async (client: NewsroomClient) =>
    (await client.request({ method: 'GET', url: '/api/admin/session' })).statusCode

  it('never adopts a session token the browser made up, and stores only hashes', async () => {
    const account = await buildUser(store().db, 'author')
    const invented = 'masthead_session=attacker-chosen-token-0123456789abcdefghijklmnop'
    const response = await signInWith(account.email, invented)
    expect(response.statusCode).toBe(200)
    const issued = sessionCookieOf(response)
    expect(issued).not.toBe(invented)
    expect(await whoIs(invented)).toBe(401)
    expect(await whoIs(issued)).toBe(account.email)
    const stored = await store().db.selectFrom('sessions').select('id').execute()
    const ids = stored.map((row) => row.id)
    expect(ids).not.toContain(hashToken('attacker-chosen-token-0123456789abcdefghijklmnop'))
    const token = issued.slice('masthead_session='.length)
    expect(ids).not.toContain(token)
    expect(ids).toContain(hashToken(token))
  })

  it("does not turn a session planted by another account into the victim's", async () => {
    const attacker = await buildUser(store().db, 'contributor')
    const victim = await buildUser(store().db, 'editor')
    const planted = sessionCookieOf(await signInWith(attacker.email))
    const response = await signInWith(victim.email, planted)
    const issued = sessionCookieOf(response)
    expect(issued).not.toBe(planted)
    expect(await whoIs(planted)).toBe(401)
    expect(await whoIs(issued)).toBe(victim.email)
  })

  it('gives each sign-in its own CSRF token, useless with another session', async () => {
    const account = await buildUser(store().db, 'author')
    const first = await signInWith(account.email)
    const second = await signInWith(account.email)
    const firstToken = first.json<{ csrfToken: string }>().csrfToken
    const secondToken = second.json<{ csrfToken: string }>().csrfToken
    expect(firstToken).not.toBe(secondToken)
    const write = await app.inject({
      method: 'POST',
      url: '/api/admin/tags',
      headers: { cookie: sessionCookieOf(second), 'x-csrf-token': firstToken },
      payload: { language: 'en', name: 'Crossed tokens' },
    })
    expect(write.statusCode).toBe(403)
  })

  it('keeps a session in use alive past the idle limit, and ends it once it sits idle', async () => {
    const account = await buildUser(store().db, 'author')
    const client = await signIn(app, account)
    // Used every few hours for two days: never idle for long, so never signed out.
    for (let hour = 0; hour < 48; hour += 4) {
      clock.advance(4 * HOUR_MS)
      expect(await alive(client), `after ${hour + 4} hours`).toBe(200)
    }
    clock.advance(SESSION_IDLE_MS - 60_000)
    expect(await alive(client)).toBe(200)
    clock.advance(SESSION_IDLE_MS)
    expect(await alive(client)).toBe(401)
    // Once ended it stays ended, even if used again at once.
    expect(await alive(client)).toBe(401)
  })

  it('ends even a busy session when its whole lifetime is up', async () => {
    const account = await buildUser(store().db, 'author')
    const client = await signIn(app, account)
    const started = clock.now().getTime()
    while (clock.now().getTime() + 10 * HOUR_MS < started + SESSION_LIFETIME_MS) {
      clock.advance(10 * HOUR_MS)
      expect(await alive(client)).toBe(200)
    }
    clock.advance(10 * HOUR_MS)
    expect(await alive(client)).toBe(401)
  })

  it('signs out an account whose role changes or that is disabled, at once', async () => {
    const admin = await signIn(app, await buildUser(store().db, 'admin'))
    const editorAccount = await buildUser(store().db, 'editor')
    const editor = await signIn(app, editorAccount)
    const author = await signIn(app, await buildUser(store().db, 'author'))
    const draft = await author.request({
      method: 'POST',
      url: '/api/admin/articles',
      payload: { language: 'en', headline: 'An author’s draft', section: 'sessions' },
    })
    expect(draft.statusCode, draft.body).toBe(201)
    const url = `/api/admin/articles/${draft.json<{ id: number }>().id}`
    expect((await editor.request({ method: 'GET', url })).statusCode).toBe(200)
    const demote = await admin.request({
      method: 'PATCH',
      url: `/api/admin/users/${editorAccount.id}`,
      payload: { role: 'contributor' },
    })
    expect(demote.statusCode, demote.body).toBe(200)
    expect((await editor.request({ method: 'GET', url })).statusCode).toBe(401)
    const demoted = await signIn(app, editorAccount)
    expect((await demoted.request({ method: 'GET', url })).statusCode).toBe(404)
    const disable = await admin.request({
      method: 'PATCH',
      url: `/api/admin/users/${editorAccount.id}`,
      payload: { isDisabled: true },
    })
    expect(disable.statusCode, disable.body).toBe(200)
    expect(await alive(demoted)).toBe(401)
    const remaining = await store()
      .db.selectFrom('sessions')
      .select('id')
      .where('userId', '=', editorAccount.id)
      .execute()
    expect(remaining).toEqual([])
    expect((await signInWith(editorAccount.email)).statusCode).toBe(401)
  })
})
