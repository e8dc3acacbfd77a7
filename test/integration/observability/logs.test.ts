import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createLoggerOptions } from '../../../src/platform/logger.js'
import { createSmtpMailer } from '../../../src/platform/mail/smtp-mailer.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildEditions } from '../../helpers/factories.js'
import { buildUser, sessionCookieOf, TEST_PASSWORD } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

const SMTP_PASSWORD = 'smtp-secret-Qx7wPz'
const NEW_PASSWORD = 'a brand new passphrase 42'
const RESET_PASSWORD = 'the password after the reset 77'

/** An SMTP server that wants a password and keeps what it is sent; `isRefusing` fails every login. */
function startSmtpServer() {
  const received: string[] = []
  const state = { isRefusing: false }
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (state.isRefusing || auth.password !== SMTP_PASSWORD)
        return callback(new Error('Invalid username or password'))
      callback(null, { user: auth.username })
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        received.push(Buffer.concat(chunks).toString('utf8'))
        callback()
      })
    },
  })
  return { server, received, state }
}

describeEachDatabase('logs', (store) => {
  const lines: string[] = []
  const smtp = startSmtpServer()
  let app: FastifyInstance

  beforeAll(async () => {
    await new Promise<void>((resolve) => smtp.server.listen(0, '127.0.0.1', resolve))
    const { port } = smtp.server.server.address() as AddressInfo
    const smtpUrl = `smtp://newsroom:${SMTP_PASSWORD}@127.0.0.1:${port}`
    app = await createTestApp(store(), {
      env: { MASTHEAD_SMTP_URL: smtpUrl, MASTHEAD_NEWSROOM_EMAIL: 'desk@news.example' },
      mailer: createSmtpMailer({ smtpUrl, from: 'Masthead <noreply@news.example>' }),
      logger: createLoggerOptions('trace', { write: (line) => lines.push(line) }),
    })
  })
  afterAll(async () => {
    await app.close()
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()))
  })

  it('keeps passwords, tokens, cookies and the SMTP password out of every line', async () => {
    const account = await buildUser(store().db, 'admin')
    const secrets: string[] = [TEST_PASSWORD, NEW_PASSWORD, RESET_PASSWORD, SMTP_PASSWORD]

    const signIn = async (password: string) => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/admin/session',
        payload: { email: account.email, password },
      })
      expect(response.statusCode).toBe(200)
      const cookie = sessionCookieOf(response)
      const { csrfToken } = response.json<{ csrfToken: string }>()
      secrets.push(cookie.split('=')[1] ?? '', csrfToken)
      return { cookie, 'x-csrf-token': csrfToken }
    }

    const session = await signIn(TEST_PASSWORD)
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/admin/account/password',
      headers: session,
      payload: { currentPassword: 'not my password at all', newPassword: NEW_PASSWORD },
    })
    expect(wrong.statusCode).toBeGreaterThanOrEqual(400)
    const changed = await app.inject({
      method: 'POST',
      url: '/api/admin/account/password',
      headers: session,
      payload: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
    })
    expect(changed.statusCode).toBeLessThan(300)

    const again = await signIn(NEW_PASSWORD)
    const created = await app.inject({
      method: 'POST',
      url: '/api/admin/tokens',
      headers: again,
      payload: { name: 'log test', scopes: ['read'] },
    })
    expect(created.statusCode).toBe(201)
    const { token } = created.json<{ token: string }>()
    secrets.push(token)
    const withToken = await app.inject({
      url: '/api/admin/tokens',
      headers: { authorization: `Bearer ${token}` },
    })
    expect(withToken.statusCode).toBeLessThan(500)

    const requested = await app.inject({
      method: 'POST',
      url: '/api/admin/password-resets',
      payload: { email: account.email },
    })
    expect(requested.statusCode).toBe(202)
    // Quoted-printable: soft line breaks and an encoded "=".
    const mail = smtp.received
      .join('\n')
      .replace(/=\r?\n/g, '')
      .replace(/=3D/g, '=')
    const resetToken = /#token=([\w-]+)/.exec(mail)?.[1]
    expect(resetToken).toBeDefined()
    secrets.push(resetToken ?? '')
    const completed = await app.inject({
      method: 'POST',
      url: '/api/admin/password-resets/complete',
      payload: { token: resetToken, newPassword: RESET_PASSWORD },
    })
    expect(completed.statusCode).toBeLessThan(300)

    // The SMTP server now refuses the login: the failures are logged with nodemailer's errors.
    smtp.state.isRefusing = true
    const failedReset = await app.inject({
      method: 'POST',
      url: '/api/admin/password-resets',
      payload: { email: account.email },
    })
    expect(failedReset.statusCode).toBe(500)
    await buildEditions(store().db)
    // The form takes messages only while the edition's contact page is published.
    const contactPage = await app.inject({
      method: 'POST',
      url: '/api/admin/pages',
      headers: await signIn(RESET_PASSWORD),
      payload: { language: 'en', slug: 'contact', title: 'Contact us', status: 'published' },
    })
    expect(contactPage.statusCode).toBe(201)
    const contact = await app.inject({
      method: 'POST',
      url: '/en/contact',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        name: 'A Reader',
        email: 'reader@example.org',
        subject: 'Hello',
        message: 'A message to the desk.',
      }).toString(),
    })
    expect(contact.statusCode).toBe(200)
    await expect
      .poll(() => lines.some((line) => line.includes('contact notification email failed')), {
        timeout: 15_000,
      })
      .toBe(true)

    const log = lines.join('')
    expect(lines.length).toBeGreaterThan(20)
    expect(log).toContain('request failed')
    for (const line of lines) expect(() => JSON.parse(line) as unknown).not.toThrow()
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(8)
      expect(log).not.toContain(secret)
      expect(log).not.toContain(encodeURIComponent(secret))
    }
    // AUTH PLAIN sends "\0user\0password" in base64; it must not show up either.
    expect(log).not.toContain(
      Buffer.from(`\0newsroom\0${SMTP_PASSWORD}`).toString('base64').slice(0, 20),
    )
  })
})
