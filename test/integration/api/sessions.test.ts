import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { totpCode } from '../../../src/modules/access/totp.js'
import { manualClock } from '../../../src/platform/clock.js'
import type { MailMessage } from '../../../src/platform/mail/mailer.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildEditions, TEST_NOW } from '../../helpers/factories.js'
import { buildUser, sessionCookieOf, signIn, TEST_PASSWORD } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'
import { trackWrite, type AuditTrailEntry } from '../../helpers/write-trail.js'

/** An audit entry as `action entityType:entityId actorType:actorId`. */
const brief = (entry: AuditTrailEntry) =>
  `${entry.action} ${entry.entityType}:${entry.entityId} ${entry.actorType}:${entry.actorId}`

const errorCode = (response: { json: () => unknown }) =>
  (response.json() as { errors: { code: string }[] }).errors[0]?.code

describeEachDatabase('sign-in, sessions and CSRF', (store) => {
  const clock = manualClock(TEST_NOW)
  const outbox: MailMessage[] = []
  let app: FastifyInstance

  beforeAll(async () => {
    await buildEditions(store().db)
    app = await createTestApp(store(), {
      clock,
      mailer: {
        send: (message) => {
          outbox.push(message)
          return Promise.resolve()
        },
        close: () => undefined,
      },
    })
  })
  afterAll(() => app.close())

  const signInRequest = (
    email: string,
    password: string,
    { address = '127.0.0.1', code }: { address?: string; code?: string } = {},
  ) =>
    app.inject({
      method: 'POST',
      url: '/api/admin/session',
      payload: { email, password, ...(code ? { code } : {}) },
      remoteAddress: address,
    })

  it('sets an HttpOnly, SameSite=Lax, Secure session cookie and returns a CSRF token', async () => {
    const account = await buildUser(store().db, 'editor')
    const response = await signInRequest(account.email.toUpperCase(), TEST_PASSWORD)
    expect(response.statusCode).toBe(200)
    const cookie = response.cookies.find((candidate) => candidate.name === 'masthead_session')
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true, path: '/' })
    const body = response.json<{ user: { email: string; role: string }; csrfToken: string }>()
    expect(body.user).toMatchObject({ email: account.email, role: 'editor' })
    expect(body.csrfToken.length).toBeGreaterThan(20)
    expect(JSON.stringify(body)).not.toContain('password')
  })

  it('answers the same 401 for an unknown email and a wrong password', async () => {
    const account = await buildUser(store().db, 'author')
    const unknown = await signInRequest('nobody@newsroom.example', TEST_PASSWORD, {
      address: '10.0.0.9',
    })
    const wrong = await signInRequest(account.email, 'not the password', { address: '10.0.0.9' })
    expect([unknown.statusCode, errorCode(unknown)]).toEqual([401, 'INVALID_CREDENTIALS'])
    expect([wrong.statusCode, errorCode(wrong)]).toEqual([401, 'INVALID_CREDENTIALS'])
    expect(wrong.json()).toEqual(unknown.json())
  })

  it('slows down repeated failures on an account with growing delays and Retry-After', async () => {
    const account = await buildUser(store().db, 'author')
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(
        (await signInRequest(account.email, 'wrong', { address: '10.0.1.1' })).statusCode,
      ).toBe(401)
    }
    expect((await signInRequest(account.email, 'wrong', { address: '10.0.1.2' })).statusCode).toBe(
      401,
    )
    const blocked = await signInRequest(account.email, TEST_PASSWORD, { address: '10.0.1.3' })
    expect([blocked.statusCode, errorCode(blocked)]).toEqual([429, 'TOO_MANY_REQUESTS'])
    expect(blocked.headers['retry-after']).toBe('1')
    clock.advance(1000)
    expect((await signInRequest(account.email, 'wrong', { address: '10.0.1.4' })).statusCode).toBe(
      401,
    )
    const longer = await signInRequest(account.email, TEST_PASSWORD, { address: '10.0.1.5' })
    expect(longer.headers['retry-after']).toBe('2')
    clock.advance(2000)
    expect(
      (await signInRequest(account.email, TEST_PASSWORD, { address: '10.0.1.6' })).statusCode,
    ).toBe(200)
  })

  it('refuses cookie-authenticated writes without the CSRF token, but not bearer ones', async () => {
    const account = await buildUser(store().db, 'editor')
    const cookie = sessionCookieOf(await signInRequest(account.email, TEST_PASSWORD))
    const write = (headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/api/admin/tags',
        headers,
        payload: { language: 'en', name: 'Harbours' },
      })
    const missing = await write({ cookie })
    expect([missing.statusCode, errorCode(missing)]).toEqual([403, 'CSRF_TOKEN_INVALID'])
    const forged = await write({ cookie, 'x-csrf-token': 'guessed' })
    expect(errorCode(forged)).toBe('CSRF_TOKEN_INVALID')
    const read = await app.inject({ method: 'GET', url: '/api/admin/session', headers: { cookie } })
    const csrfToken = read.json<{ csrfToken: string }>().csrfToken
    expect((await write({ cookie, 'x-csrf-token': csrfToken })).statusCode).toBe(201)
  })

  it('drops a session planted before sign-in instead of keeping it (no fixation)', async () => {
    const account = await buildUser(store().db, 'author')
    const planted = sessionCookieOf(await signInRequest(account.email, TEST_PASSWORD))
    const again = await app.inject({
      method: 'POST',
      url: '/api/admin/session',
      headers: { cookie: planted },
      payload: { email: account.email, password: TEST_PASSWORD },
    })
    expect(sessionCookieOf(again)).not.toBe(planted)
    const old = await app.inject({
      method: 'GET',
      url: '/api/admin/session',
      headers: { cookie: planted },
    })
    expect(old.statusCode).toBe(401)
  })

  it('ends a session at sign-out and after twelve idle hours', async () => {
    const account = await buildUser(store().db, 'author')
    const client = await signIn(app, account)
    expect((await client.request({ method: 'DELETE', url: '/api/admin/session' })).statusCode).toBe(
      204,
    )
    expect((await client.request({ method: 'GET', url: '/api/admin/session' })).statusCode).toBe(
      401,
    )
    const idle = await signIn(app, account)
    clock.advance(12 * 3_600_000)
    expect((await idle.request({ method: 'GET', url: '/api/admin/session' })).statusCode).toBe(401)
  })

  it('ends the other sessions when the password changes', async () => {
    const account = await buildUser(store().db, 'author')
    const laptop = await signIn(app, account)
    const phone = await signIn(app, account)
    const change = await laptop.request({
      method: 'POST',
      url: '/api/admin/account/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new long password' },
    })
    expect(change.statusCode).toBe(204)
    expect((await laptop.request({ method: 'GET', url: '/api/admin/session' })).statusCode).toBe(
      200,
    )
    expect((await phone.request({ method: 'GET', url: '/api/admin/session' })).statusCode).toBe(401)
    const wrong = await laptop.request({
      method: 'POST',
      url: '/api/admin/account/password',
      payload: { currentPassword: 'wrong', newPassword: 'another long password' },
    })
    expect(wrong.statusCode).toBe(400)
  })

  it('requires the authenticator code once two-factor sign-in is on', async () => {
    const account = await buildUser(store().db, 'admin')
    const client = await signIn(app, account)
    const enrol = await client.request({ method: 'POST', url: '/api/admin/account/two-factor' })
    const { secret, uri } = enrol.json<{ secret: string; uri: string }>()
    expect(uri).toContain(`secret=${secret}`)
    const bad = await client.request({
      method: 'POST',
      url: '/api/admin/account/two-factor/confirm',
      payload: { code: '000000' === totpCode(secret, clock.now()) ? '111111' : '000000' },
    })
    expect(bad.statusCode).toBe(400)
    const confirmed = await client.request({
      method: 'POST',
      url: '/api/admin/account/two-factor/confirm',
      payload: { code: totpCode(secret, clock.now()) },
    })
    expect(confirmed.statusCode).toBe(204)
    const withoutCode = await signInRequest(account.email, TEST_PASSWORD)
    expect([withoutCode.statusCode, errorCode(withoutCode)]).toEqual([401, 'TOTP_REQUIRED'])
    const withCode = await signInRequest(account.email, TEST_PASSWORD, {
      code: totpCode(secret, clock.now()),
    })
    expect(withCode.statusCode).toBe(200)
  })

  it('resets a forgotten password by an emailed one-time link', async () => {
    const account = await buildUser(store().db, 'contributor')
    const old = await signIn(app, account)
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/admin/password-resets',
      payload: { email: 'nobody@newsroom.example' },
    })
    expect(unknown.statusCode).toBe(202)
    expect(outbox).toHaveLength(0)
    await app.inject({
      method: 'POST',
      url: '/api/admin/password-resets',
      payload: { email: account.email },
    })
    expect(outbox.map((message) => message.to)).toEqual([account.email])
    const token = /#token=([\w-]+)/.exec(outbox[0]?.text ?? '')?.[1] ?? ''
    const complete = (newPassword: string) =>
      app.inject({
        method: 'POST',
        url: '/api/admin/password-resets/complete',
        payload: { token, newPassword },
      })
    expect((await complete('short')).statusCode).toBe(400)
    expect((await complete('my new forgotten-proof password')).statusCode).toBe(204)
    expect((await complete('and once more with feeling')).statusCode).toBe(400)
    expect((await old.request({ method: 'GET', url: '/api/admin/session' })).statusCode).toBe(401)
    expect((await signInRequest(account.email, 'my new forgotten-proof password')).statusCode).toBe(
      200,
    )
  })

  it('records a sign-in as session.create and a sign-out as session.delete, by the person, and not a failed one', async () => {
    const account = await buildUser(store().db, 'author')
    const failed = await trackWrite(store().db, () =>
      signInRequest(account.email, 'not the password', { address: '10.0.2.1' }),
    )
    expect(failed.response.statusCode).toBe(401)
    expect(failed.audit).toEqual([])
    const signedIn = await trackWrite(store().db, () =>
      signInRequest(account.email, TEST_PASSWORD, { address: '10.0.2.1' }),
    )
    expect(signedIn.response.statusCode).toBe(200)
    expect(signedIn.audit.map(brief)).toEqual([
      `session.create user:${account.id} user:${account.id}`,
    ])
    expect(signedIn.events).toEqual([])
    const client = await signIn(app, account)
    const signedOut = await trackWrite(store().db, () =>
      client.request({ method: 'DELETE', url: '/api/admin/session' }),
    )
    expect(signedOut.response.statusCode).toBe(204)
    expect(signedOut.audit.map(brief)).toEqual([
      `session.delete user:${account.id} user:${account.id}`,
    ])
  })

  it('records one audit entry per change of your own account and none for a refused one', async () => {
    const account = await buildUser(store().db, 'editor')
    const client = await signIn(app, account)
    const write = async (
      method: 'POST' | 'PATCH' | 'DELETE',
      url: string,
      payload?: Record<string, string>,
    ) => {
      const { response, audit, events } = await trackWrite(store().db, () =>
        client.request({ method, url, ...(payload ? { payload } : {}) }),
      )
      expect(events).toEqual([])
      return [response.statusCode, ...audit.map(brief)]
    }
    const by = `user:${account.id} user:${account.id}`
    expect(await write('PATCH', '/api/admin/account', { name: 'Desk Editor' })).toEqual([
      200,
      `user.update_profile ${by}`,
    ])
    expect(
      await write('POST', '/api/admin/account/password', {
        currentPassword: 'wrong',
        newPassword: 'another long password',
      }),
    ).toEqual([400])
    expect(
      await write('POST', '/api/admin/account/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'short',
      }),
    ).toEqual([400])
    expect(
      await write('POST', '/api/admin/account/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'another long password',
      }),
    ).toEqual([204, `user.change_password ${by}`])
    const enrol = await trackWrite(store().db, () =>
      client.request({ method: 'POST', url: '/api/admin/account/two-factor' }),
    )
    expect(enrol.audit.map(brief)).toEqual([`user.begin_two_factor ${by}`])
    const { secret } = enrol.response.json<{ secret: string }>()
    const right = totpCode(secret, clock.now())
    const wrongCode = right === '000000' ? '111111' : '000000'
    expect(
      await write('POST', '/api/admin/account/two-factor/confirm', { code: wrongCode }),
    ).toEqual([400])
    expect(await write('POST', '/api/admin/account/two-factor/confirm', { code: right })).toEqual([
      204,
      `user.enable_two_factor ${by}`,
    ])
    expect(await write('DELETE', '/api/admin/account/two-factor', { password: 'wrong' })).toEqual([
      400,
    ])
    expect(
      await write('DELETE', '/api/admin/account/two-factor', { password: 'another long password' }),
    ).toEqual([204, `user.disable_two_factor ${by}`])
  })

  it('records a reset request as the system’s and the reset itself as the account’s own', async () => {
    const account = await buildUser(store().db, 'author')
    const request = (email: string) =>
      trackWrite(store().db, () =>
        app.inject({
          method: 'POST',
          url: '/api/admin/password-resets',
          payload: { email },
          remoteAddress: '10.0.3.1',
        }),
      )
    const unknown = await request('nobody@newsroom.example')
    expect([unknown.response.statusCode, unknown.audit]).toEqual([202, []])
    const known = await request(account.email)
    expect(known.response.statusCode).toBe(202)
    expect(known.audit.map(brief)).toEqual([
      `user.request_password_reset user:${account.id} system:null`,
    ])
    const token = /#token=([\w-]+)/.exec(outbox.at(-1)?.text ?? '')?.[1] ?? ''
    const complete = (newPassword: string) =>
      trackWrite(store().db, () =>
        app.inject({
          method: 'POST',
          url: '/api/admin/password-resets/complete',
          payload: { token, newPassword },
        }),
      )
    const short = await complete('short')
    expect([short.response.statusCode, short.audit]).toEqual([400, []])
    const done = await complete('a reset-proof new password')
    expect(done.response.statusCode).toBe(204)
    expect(done.audit.map(brief)).toEqual([
      `user.reset_password user:${account.id} user:${account.id}`,
    ])
    expect(done.events).toEqual([])
    const again = await complete('yet another new password')
    expect([again.response.statusCode, again.audit]).toEqual([400, []])
  })
})
