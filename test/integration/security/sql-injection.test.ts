import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest'
import {
  SQL_INJECTION_PAYLOADS,
  SQL_INJECTION_SAMPLER,
} from '../../fixtures/security/sql-injection-payloads.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import {
  buildArticle,
  buildAuthor,
  buildEditions,
  buildSection,
  buildSource,
} from '../../helpers/factories.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { describeEachDatabase, type TestStore } from '../../helpers/test-databases.js'
import { textFieldPaths, sampleOf, withValueAt, type SchemaNode } from './schema-samples.js'

interface Operation {
  parameters?: { name: string; in: 'path' | 'query'; required: boolean; schema: SchemaNode }[]
  requestBody?: { content: Record<string, { schema: SchemaNode }> }
}
type OpenApi = { paths: Record<string, Record<string, Operation>> }

/** Query names the public pages might read; each is sent, all at once, with every payload. */
const SITE_QUERY_NAMES = [
  'q',
  'page',
  'pageSize',
  'section',
  'tag',
  'author',
  'source',
  'language',
  'sort',
  'url',
  'slug',
  'from',
  'to',
  'type',
  'status',
  'id',
]

/** Real values for path parameters, so a payload meets a page that exists around it. */
const PATH_SAMPLES: Record<string, string> = {
  lang: 'en',
  slug: 'world',
  section: 'world',
  article: '1-headline-number-1',
  id: '1',
  otherId: '2',
  number: '1',
  file: 'news-en.xml',
  token: 'x',
}

/** Every table and its row count: a read may change no count, and no write may drop a table. */
async function tableCounts(store: TestStore): Promise<Record<string, number>> {
  const tables = await store.db.introspection.getTables()
  const counts: Record<string, number> = {}
  for (const table of tables) {
    const row = await sql<{
      n: number | string
    }>`select count(*) as n from ${sql.table(table.name)}`
      .execute(store.db)
      .then((result) => result.rows[0])
    counts[table.name] = Number(row?.n ?? -1)
  }
  return counts
}

function fill(url: string, values: Record<string, string> = {}): string {
  return url.replace(/:(\w+)/g, (_match, name: string) =>
    encodeURIComponent(values[name] ?? PATH_SAMPLES[name] ?? '1'),
  )
}

/** The sweeps send thousands of requests; on a machine shared with other work that takes minutes. */
const SWEEP = { timeout: 600_000 }

const withQuery = (path: string, query: Record<string, string>) =>
  `${path}?${new URLSearchParams(query).toString()}`

describeEachDatabase('SQL-injection strings in every parameter and field', (store) => {
  let app: FastifyInstance
  let admin: NewsroomClient
  let openApi: OpenApi

  beforeAll(async () => {
    const { db } = store()
    await buildEditions(db)
    const sectionId = await buildSection(db, { slug: 'world' })
    for (let n = 0; n < 3; n += 1) await buildArticle(db, { sectionId })
    await buildAuthor(db)
    await buildSource(db)
    app = await createTestApp(store())
    admin = await signInAs(app, db, 'admin')
    const tagged = await admin.request({
      method: 'POST',
      url: '/api/admin/articles',
      payload: {
        language: 'en',
        headline: 'A tagged story',
        section: 'world',
        tags: ['world'],
        status: 'published',
      },
    })
    expect(tagged.statusCode, tagged.body).toBe(201)
    openApi = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<OpenApi>()
  })
  afterAll(() => app.close())

  /** Server errors met in the current test, each naming what was sent (all listed at the end). */
  let serverErrors: string[] = []
  async function expectNo500(
    send: () => Promise<{ statusCode: number; body: string }>,
    label: string,
  ) {
    const response = await send()
    if (response.statusCode >= 500)
      serverErrors.push(`${label} → ${response.statusCode} ${response.body.slice(0, 200)}`)
  }
  beforeEach(() => {
    serverErrors = []
  })
  afterEach(() => {
    expect(serverErrors.slice(0, 40), `${serverErrors.length} server errors`).toEqual([])
  })

  const operationsOf = (prefix: string, methods: string[]) =>
    Object.entries(openApi.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([method]) => methods.includes(method) && path.startsWith(prefix))
        .map(([method, operation]) => ({
          method: method.toUpperCase(),
          url: path.replace(/\{(\w+)\}/g, ':$1'),
          operation,
        })),
    )

  it(
    'answers every query and path parameter of the public site without a 500 or a change',
    SWEEP,
    async () => {
      // The first preview check makes the signing key (a settings row): not the payloads' doing.
      await app.inject({ method: 'GET', url: '/preview/1.1.x' })
      const before = await tableCounts(store())
      const pages = app.newsroom.routes.filter(
        (route) =>
          route.method === 'GET' &&
          route.access === 'public' &&
          !route.url.startsWith('/api/') &&
          !route.url.startsWith('/admin') &&
          // A probe: 503 here whatever it is sent, as no job runner is started in this test.
          route.url !== '/readyz',
      )
      expect(pages.length).toBeGreaterThan(15)
      for (const route of pages) {
        const url = route.url.replace('/*', '/x.jpg')
        const names = [...url.matchAll(/:(\w+)/g)].map((match) => match[1] ?? '')
        for (const payload of SQL_INJECTION_SAMPLER) {
          const query = Object.fromEntries(SITE_QUERY_NAMES.map((name) => [name, payload]))
          const target = withQuery(fill(url), query)
          await expectNo500(
            () => app.inject({ method: 'GET', url: target }),
            `GET ${route.url} query`,
          )
          for (const name of names) {
            const path = fill(url, { [name]: payload })
            await expectNo500(
              () => app.inject({ method: 'GET', url: path }),
              `GET ${route.url} :${name}=${JSON.stringify(payload.slice(0, 40))}`,
            )
          }
        }
      }
      expect(await tableCounts(store())).toEqual(before)
    },
  )

  it(
    'answers every parameter of the content API and the Admin API reads without a 500 or a change',
    SWEEP,
    async () => {
      const reads = operationsOf('/api/', ['get'])
      expect(reads.length).toBeGreaterThan(20)
      const before = await tableCounts(store())
      for (const { url, operation } of reads) {
        const parameters = operation.parameters ?? []
        const base = Object.fromEntries(
          parameters
            .filter((parameter) => parameter.in === 'query' && parameter.required)
            .map((parameter) => [
              parameter.name,
              String(sampleOf(parameter.schema, parameter.name)),
            ]),
        )
        const isAdmin = url.startsWith('/api/admin')
        const send = (target: string) =>
          isAdmin
            ? admin.request({ method: 'GET', url: target })
            : app.inject({ method: 'GET', url: target })
        for (const payload of SQL_INJECTION_PAYLOADS) {
          for (const parameter of parameters) {
            const label = `GET ${url} ${parameter.in} ${parameter.name}=${JSON.stringify(payload.slice(0, 40))}`
            const target =
              parameter.in === 'path'
                ? withQuery(fill(url, { [parameter.name]: payload }), base)
                : withQuery(fill(url), { ...base, [parameter.name]: payload })
            await expectNo500(() => send(target), label)
          }
        }
      }
      const after = await tableCounts(store())
      // Reading the Admin API as a signed-in person touches nothing but the session's clock.
      expect(after).toEqual(before)
    },
  )

  it(
    'stores or refuses every JSON field of every Admin API write, without a 500 or a dropped table',
    SWEEP,
    async () => {
      const writes = operationsOf('/api/admin', ['post', 'put', 'patch']).filter(
        ({ operation }) => operation.requestBody?.content['application/json'],
      )
      expect(writes.length).toBeGreaterThan(25)
      const before = await tableCounts(store())
      let fields = 0
      for (const { method, url, operation } of writes) {
        const schema = operation.requestBody?.content['application/json']?.schema
        const base = sampleOf(schema)
        const target = fill(url)
        // Signing in goes without the session cookie: a sign-in replaces the session it comes with.
        const send = (payload: unknown) =>
          url === '/api/admin/session'
            ? app.inject({ method: 'POST', url: target, payload: payload as object })
            : admin.request({ method: method, url: target, payload: payload as object })
        for (const path of textFieldPaths(schema)) {
          fields += 1
          for (const payload of SQL_INJECTION_SAMPLER) {
            await expectNo500(
              () => send(withValueAt(base, path, payload)),
              `${method} ${url} ${path.join('.')}=${JSON.stringify(payload.slice(0, 40))}`,
            )
          }
        }
      }
      expect(fields).toBeGreaterThan(60)
      const after = await tableCounts(store())
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort())
      for (const table of ['articles', 'users', 'sessions', 'sections', 'tags'])
        expect(after[table], table).toBeGreaterThanOrEqual(before[table] ?? 0)
      // A headline that looks like SQL is only a headline: stored exactly as sent.
      const stored = await store()
        .db.selectFrom('articles')
        .select('headline')
        .where('headline', '=', "'; DROP TABLE articles; --")
        .execute()
      expect(stored.length).toBeGreaterThan(0)
    },
  )
})
