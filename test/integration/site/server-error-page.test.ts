import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLoggerOptions } from '../../../src/platform/logger.js'
import { ar } from '../../../src/site/i18n/ar.js'
import { en } from '../../../src/site/i18n/en.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildEditions } from '../../helpers/factories.js'
import { parseHtml } from '../../helpers/html.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

/** Pino's number for the error level; fatal is above it. */
const ERROR_LEVEL = 50
/** What either database says about the missing table, and what a stack trace looks like. */
const LEAKS = ['editions', 'no such table', 'does not exist', 'SQLITE', '    at ', 'Error:']

interface LogLine {
  level: number
  reqId?: string
  err?: { message?: string }
}

describeEachDatabase('server errors on the public site', (store) => {
  const lines: string[] = []
  let app: FastifyInstance
  const errorLines = () =>
    lines.map((line) => JSON.parse(line) as LogLine).filter((line) => line.level >= ERROR_LEVEL)
  const renameEditions = (from: string, to: string) =>
    sql`alter table ${sql.table(from)} rename to ${sql.table(to)}`.execute(store().db)

  beforeAll(async () => {
    await buildEditions(store().db)
    app = await createTestApp(store(), {
      logger: createLoggerOptions('info', { write: (line) => lines.push(line) }),
    })
  })
  afterAll(async () => {
    await app.close()
  })

  /** Requests `url` under a known id; the page, and the error lines logged meanwhile. */
  const failing = async (url: string, requestId: string) => {
    const before = errorLines().length
    const response = await app.inject({ url, headers: { 'x-request-id': requestId } })
    return { response, page: parseHtml(response.body), logged: errorLines().slice(before) }
  }

  describe('while a table every page reads is missing', () => {
    beforeAll(() => renameEditions('editions', 'editionsAway'))
    afterAll(() => renameEditions('editionsAway', 'editions'))

    it('answers an Arabic page with an Arabic HTML page, right to left, naming the request id', async () => {
      const { response, page } = await failing('/ar/', 'fail-ar-1')
      expect(response.statusCode).toBe(500)
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(response.headers['cache-control']).toBe('no-store')
      expect(response.headers['x-request-id']).toBe('fail-ar-1')
      const html = page.querySelector('html')
      expect(html?.getAttribute('lang')).toBe('ar')
      expect(html?.getAttribute('dir')).toBe('rtl')
      expect(page.querySelector('h1')?.textContent).toBe(ar.errorTitle)
      expect(page.querySelector('.error-page__reference code')?.textContent).toBe('fail-ar-1')
      expect(page.querySelector('link[rel="stylesheet"]')?.getAttribute('href')).toMatch(
        /^\/assets\/site\.[\w-]+\.css$/,
      )
      expect(response.body).not.toContain(en.errorTitle)
    })

    it('answers an English page, a feed and an unknown page of an edition in its language', async () => {
      for (const [url, language, direction] of [
        ['/en/', 'en', 'ltr'],
        ['/ar/rss.xml', 'ar', 'rtl'],
        ['/en/no-such-page', 'en', 'ltr'],
      ]) {
        const { response, page } = await failing(url ?? '', `fail-${language}`)
        expect(response.statusCode, url).toBe(500)
        expect(response.headers['content-type'], url).toBe('text/html; charset=utf-8')
        expect(page.querySelector('html')?.getAttribute('lang'), url).toBe(language)
        expect(page.querySelector('html')?.getAttribute('dir'), url).toBe(direction)
      }
    })

    it('answers a path without an edition in the default edition’s language', async () => {
      const { response, page } = await failing('/', 'fail-root')
      expect(response.statusCode).toBe(500)
      expect(page.querySelector('html')?.getAttribute('lang')).toBe('en')
      expect(page.querySelector('h1')?.textContent).toBe(en.errorTitle)
      expect(response.body).toContain('fail-root')
    })

    it('shows no stack or internal message, and logs the error once with its details', async () => {
      const { response, logged } = await failing('/ar/', 'fail-ar-logged')
      for (const leak of LEAKS) expect(response.body).not.toContain(leak)
      expect(logged).toHaveLength(1)
      expect(logged[0]).toMatchObject({ level: ERROR_LEVEL, reqId: 'fail-ar-logged' })
      expect(logged[0]?.err?.message).toMatch(/editions/)
    })

    it('keeps the JSON body of an API server error as it is', async () => {
      const { response, logged } = await failing('/api/v1/settings', 'fail-api')
      expect(response.statusCode).toBe(500)
      expect(response.headers['content-type']).toMatch(/^application\/json/)
      expect(response.json()).toEqual({
        errors: [{ code: 'INTERNAL', message: 'Internal server error' }],
      })
      expect(logged).toHaveLength(1)
    })
  })

  it('still answers an unknown page with the edition’s 404 page once the table is back', async () => {
    const response = await app.inject('/ar/no-such-page')
    expect(response.statusCode).toBe(404)
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(parseHtml(response.body).querySelector('h1')?.textContent).toBe(ar.notFoundTitle)
  })
})
