import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDemoSite } from '../../helpers/demo-site.js'
import { createTestStore, type TestStore } from '../../helpers/test-databases.js'

describe('contact form email', () => {
  const received: { to: string[]; data: string }[] = []
  let smtp: SMTPServer
  let store: TestStore
  let app: FastifyInstance

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = []
        stream.on('data', (chunk: Buffer) => chunks.push(chunk))
        stream.on('end', () => {
          received.push({
            to: session.envelope.rcptTo.map((address) => address.address),
            data: Buffer.concat(chunks).toString('utf8'),
          })
          callback()
        })
      },
    })
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
    const { port } = smtp.server.address() as AddressInfo
    store = await createTestStore('sqlite')
    app = await createDemoSite(store, {
      MASTHEAD_SMTP_URL: `smtp://127.0.0.1:${port}`,
      MASTHEAD_NEWSROOM_EMAIL: 'desk@news.example',
      MASTHEAD_MAIL_FROM: 'Masthead <noreply@news.example>',
    })
  })
  afterAll(async () => {
    await app.close()
    await store.dispose()
    await new Promise<void>((resolve) => smtp.close(() => resolve()))
  })

  it('notifies the newsroom by email when SMTP is configured, with the reader as reply-to', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/en/contact',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        name: 'A Reader',
        email: 'reader@example.org',
        subject: 'A typo',
        message: 'Paragraph three says 2019.',
      }).toString(),
    })
    expect(response.statusCode).toBe(200)
    await expect.poll(() => received.length, { timeout: 5000 }).toBe(1)
    expect(received[0]?.to).toEqual(['desk@news.example'])
    expect(received[0]?.data).toContain('Subject: [Contact, en] A typo')
    expect(received[0]?.data).toContain('Reply-To: reader@example.org')
    expect(received[0]?.data).toContain('Paragraph three says 2019.')
  })
})
