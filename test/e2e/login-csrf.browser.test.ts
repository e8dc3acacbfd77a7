import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp } from '../helpers/create-test-app.js'
import { buildEditions } from '../helpers/factories.js'
import { buildUser, TEST_PASSWORD } from '../helpers/newsroom-client.js'
import { createTestStore, type TestStore } from '../helpers/test-databases.js'
import { launchBrowser } from './browser.js'

/** A page that, once loaded, posts the attacker's credentials to the sign-in URL. */
function autoSubmittingForm(action: string, enctype: string, email: string): string {
  const fields =
    enctype === 'text/plain'
      ? // text/plain sends `name=value`: the pair spells out a JSON body.
        `<input name='{"email":"${email}","password":"${TEST_PASSWORD}","x":"' value='"}'>`
      : `<input name="email" value="${email}"><input name="password" value="${TEST_PASSWORD}">`
  return `<!doctype html><form method="post" action="${action}" enctype="${enctype}">${fields}</form>
<script>document.forms[0].submit()</script>`
}

/** Another site: serves one page whose HTML the test sets. */
async function serveOtherSite(): Promise<{
  server: Server
  port: number
  show(html: string): void
}> {
  let html = ''
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    server,
    port: (server.address() as AddressInfo).port,
    show: (page) => (html = page),
  }
}

describe('a sign-in form on another site (login CSRF) in Chromium', () => {
  let browser: Browser
  let store: TestStore
  let app: FastifyInstance
  let appUrl: string
  let otherSite: Awaited<ReturnType<typeof serveOtherSite>>

  beforeAll(async () => {
    store = await createTestStore('sqlite')
    await buildEditions(store.db)
    app = await createTestApp(store, { env: { MASTHEAD_SITE_URL: 'http://localhost:3000' } })
    await app.listen({ port: 0, host: '127.0.0.1' })
    appUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
    ;[browser, otherSite] = await Promise.all([launchBrowser(), serveOtherSite()])
  })

  afterAll(async () => {
    await browser?.close()
    await new Promise((resolve) => otherSite?.server.close(resolve))
    await app?.close()
    await store?.dispose()
  })

  for (const enctype of ['application/x-www-form-urlencoded', 'text/plain']) {
    it(`leaves the browser without a session (${enctype})`, async () => {
      const attacker = await buildUser(store.db, 'author')
      const signInUrl = `${appUrl}/api/admin/session`
      otherSite.show(autoSubmittingForm(signInUrl, enctype, attacker.email))
      const context = await browser.newContext()
      try {
        const page = await context.newPage()
        const answered = page.waitForResponse(signInUrl)
        // "localhost" and "127.0.0.1" are different sites to the browser.
        await page.goto(`http://localhost:${otherSite.port}/`)
        const status = (await answered).status()
        const cookies = await context.cookies(appUrl)
        expect(cookies.map(({ name }) => name)).not.toContain('masthead_session')
        const sessions = await store.db
          .selectFrom('sessions')
          .select('id')
          .where('userId', '=', attacker.id)
          .execute()
        expect(sessions).toEqual([])
        expect(status).toBe(403)
      } finally {
        await context.close()
      }
    })
  }
})
