import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import { createLoggerOptions } from '../../../src/platform/logger.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildArticle, buildEditions, buildSection } from '../../helpers/factories.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'
import { sampleOf, withValueAt, type SchemaNode } from './schema-samples.js'

interface Operation {
  parameters?: { name: string; in: 'path' | 'query'; required: boolean; schema: SchemaNode }[]
  requestBody?: { content: Record<string, { schema: SchemaNode }> }
}
type OpenApi = { paths: Record<string, Record<string, Operation>> }

/** Numbers no row's id can be: past PostgreSQL's `integer`, past a safe JS integer, 0, negative. */
const OUT_OF_RANGE = ['2147483648', '99999999999999999999', '0', '-1']
/** The largest id a row can have, which no row of these tests has. */
const LARGEST_ID = '2147483647'

/** Path parameters that hold an id (the article segment holds `{id}-{slug}`). */
const ID_PATH_PARAMETERS = ['id', 'otherId', 'number', 'article']
const PATH_SAMPLES: Record<string, string> = { lang: 'en', section: 'world', slug: 'world' }

/** Body fields that name a record: `…Id`, `…Ids`, `id`, `ids`, and the id-or-slug references. */
const isIdField = (name: string) =>
  /^ids?$|Ids?$/.test(name) || ['section', 'authors', 'source', 'baseVersion'].includes(name)

/** Whether a schema takes an integer (itself, or one of its choices). */
const takesInteger = (schema: SchemaNode | undefined): boolean =>
  schema !== undefined &&
  ([schema.type].flat().includes('integer') || (schema.anyOf ?? []).some(takesInteger))

/** Every place in a body that takes an integer, as a path (array items as `0`), with its name. */
function integerFieldPaths(schema: SchemaNode | undefined, depth = 0): string[][] {
  if (!schema?.properties || depth > 3) return []
  const paths: string[][] = []
  for (const [key, property] of Object.entries(schema.properties)) {
    if (takesInteger(property)) paths.push([key])
    const items = property.items ?? (property.anyOf ?? []).find((option) => option.items)?.items
    if (takesInteger(items)) paths.push([key, '0'])
    const nested = (property.anyOf ?? []).find((option) => option.properties) ?? property
    for (const inner of integerFieldPaths(nested, depth + 1)) paths.push([key, ...inner])
    for (const inner of integerFieldPaths(items, depth + 1)) paths.push([key, '0', ...inner])
  }
  return paths
}

/** A response as `404`, or `400 VALIDATION_FAILED section` for an API error and the field it names. */
function outcomeOf(response: LightMyRequestResponse): string {
  if (response.statusCode >= 500) return `${response.statusCode} ${response.body.slice(0, 300)}`
  const isJson = String(response.headers['content-type']).startsWith('application/json')
  const error =
    isJson && response.statusCode >= 400
      ? response.json<{ errors?: { code: string; property?: string }[] }>().errors?.[0]
      : undefined
  return [response.statusCode, error?.code, error?.property?.split('.')[0]]
    .filter((part) => part !== undefined)
    .join(' ')
}

/** The field a path names: the last key that is not an array index. */
const fieldOf = (path: string[]) => path.filter((key) => !/^\d+$/.test(key)).at(-1) ?? ''

describeEachDatabase('ids no row can have', (store) => {
  const logLines: string[] = []
  let app: FastifyInstance
  let admin: NewsroomClient
  let openApi: OpenApi

  beforeAll(async () => {
    const { db } = store()
    await buildEditions(db)
    const sectionId = await buildSection(db, { slug: 'world' })
    await buildArticle(db, { sectionId })
    app = await createTestApp(store(), {
      logger: createLoggerOptions('warn', { write: (line) => logLines.push(line) }),
    })
    admin = await signInAs(app, db, 'admin')
    openApi = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<OpenApi>()
  })
  afterAll(() => app.close())
  beforeEach(() => {
    logLines.length = 0
  })

  /** Sends a request as the admin (Admin API) or as a reader (everything else). */
  const send = (method: string, url: string, payload?: unknown) => {
    const request = {
      method: method as 'GET',
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
    }
    return url.startsWith('/api/admin') ? admin.request(request) : app.inject(request)
  }
  /** Lines logged at error level or above: an id out of range is the asker's mistake. */
  const errorLines = () =>
    logLines.filter((line) => (JSON.parse(line) as { level: number }).level >= 50)

  it('answers 404 for such an id in the path of every route, as for an id of no record', async () => {
    const routes = app.newsroom.routes.filter((route) =>
      ID_PATH_PARAMETERS.some((name) => route.url.includes(`:${name}`)),
    )
    expect(routes.length).toBeGreaterThan(40)
    const expected: string[] = []
    const answers: string[] = []
    for (const route of routes) {
      const names = [...route.url.matchAll(/:(\w+)/g)].map((match) => match[1] ?? '')
      const fill = (values: Record<string, string>) =>
        route.url.replace(/:(\w+)/g, (_match, name: string) =>
          encodeURIComponent(values[name] ?? PATH_SAMPLES[name] ?? LARGEST_ID),
        )
      const payload = route.method === 'GET' || route.method === 'DELETE' ? undefined : {}
      // The page-view beacon counts published articles and answers the same for any other id.
      const isBeacon = route.url.startsWith('/api/v1/page-views/')
      const status = isBeacon ? (await send(route.method, fill({}), payload)).statusCode : 404
      for (const name of names.filter((candidate) => ID_PATH_PARAMETERS.includes(candidate))) {
        for (const id of OUT_OF_RANGE) {
          const value = name === 'article' ? `${id}-headline` : id
          const label = `${route.method} ${route.url} :${name}=${value}`
          const response = await send(route.method, fill({ [name]: value }), payload)
          expected.push(`${label} → ${status}`)
          answers.push(`${label} → ${response.statusCode}`)
        }
      }
    }
    expect(answers).toEqual(expected)
    expect(errorLines()).toEqual([])
  })

  it('answers 400 naming the field for such an id in a query string', async () => {
    const queries = Object.entries(openApi.paths).flatMap(([path, operations]) =>
      Object.entries(operations).flatMap(([method, operation]) => {
        const parameters = (operation.parameters ?? []).filter(({ name }) => name !== 'id')
        // The other query parameters a route requires, with valid values.
        const required = Object.fromEntries(
          parameters
            .filter((parameter) => parameter.in === 'query' && parameter.required)
            .map((parameter) => [parameter.name, String(sampleOf(parameter.schema))]),
        )
        return parameters
          .filter((parameter) => parameter.in === 'query' && takesInteger(parameter.schema))
          .map(({ name }) => ({ method: method.toUpperCase(), path, name, required }))
      }),
    )
    const isIdQuery = (name: string) => /Id$|^(from|to)$/.test(name)
    expect(queries.filter(({ name }) => isIdQuery(name)).length).toBeGreaterThan(3)
    const expected: string[] = []
    const answers: string[] = []
    for (const { method, path, name, required } of queries) {
      const url = path.replace(/\{(\w+)\}/g, (_match, param: string) => PATH_SAMPLES[param] ?? '1')
      for (const id of OUT_OF_RANGE) {
        const label = `${method} ${path}?${name}=${id}`
        const query = new URLSearchParams({ ...required, [name]: id })
        const outcome = outcomeOf(await send(method, `${url}?${query.toString()}`))
        // Other numbers (pages, limits) may be clamped or refused, never a server error.
        expected.push(`${label} → ${isIdQuery(name) ? `400 VALIDATION_FAILED ${name}` : 'no 500'}`)
        answers.push(
          `${label} → ${isIdQuery(name) || outcome.startsWith('5') ? outcome : 'no 500'}`,
        )
      }
    }
    expect(answers).toEqual(expected)
    expect(errorLines()).toEqual([])
  })

  it('answers 400 naming the field for such an id anywhere in a JSON body', async () => {
    const writes = Object.entries(openApi.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([method]) => ['post', 'put', 'patch'].includes(method))
        .map(([method, operation]) => ({
          method: method.toUpperCase(),
          path,
          schema: operation.requestBody?.content['application/json']?.schema,
        })),
    )
    const cases = writes.flatMap(({ method, path, schema }) =>
      integerFieldPaths(schema).flatMap((field) =>
        OUT_OF_RANGE.map((id) => ({
          method,
          path,
          field,
          id,
          body: withValueAt(sampleOf(schema), field, Number(id)),
        })),
      ),
    )
    // The editor's document is recursive, so the walk above does not enter it.
    for (const id of OUT_OF_RANGE) {
      const gallery = { type: 'gallery', attrs: { galleryId: Number(id) } }
      cases.push({
        method: 'POST',
        path: '/api/admin/articles',
        field: ['bodyDoc', 'content', '0', 'attrs', 'galleryId'],
        id,
        body: {
          language: 'en',
          headline: 'Harbour',
          section: 'world',
          bodyDoc: { type: 'doc', content: [gallery] },
        },
      })
    }
    expect(cases.filter(({ field }) => isIdField(fieldOf(field))).length).toBeGreaterThan(60)
    const expected: string[] = []
    const answers: string[] = []
    for (const { method, path, field, id, body } of cases) {
      const url = path.replace(/\{(\w+)\}/g, (_match, param: string) => PATH_SAMPLES[param] ?? '1')
      const label = `${method} ${path} ${field.join('.')}=${id}`
      const outcome = outcomeOf(await send(method, url, body))
      // Other numbers (positions, sizes) have bounds of their own; none may reach a 500.
      const isId = isIdField(fieldOf(field))
      expected.push(`${label} → ${isId ? `400 VALIDATION_FAILED ${field[0]}` : 'no 500'}`)
      answers.push(`${label} → ${isId || outcome.startsWith('5') ? outcome : 'no 500'}`)
    }
    expect(answers).toEqual(expected)
    expect(errorLines()).toEqual([])
  })

  it('drops gallery and related-story placeholders of such an id from an HTML body', async () => {
    for (const id of OUT_OF_RANGE) {
      const response = await admin.request({
        method: 'POST',
        url: '/api/admin/articles',
        payload: {
          language: 'en',
          headline: 'Harbour',
          section: 'world',
          body:
            `<p>Boats.</p><div class="gallery-block" data-gallery-id="${id}"></div>` +
            `<aside class="related-card" data-article-id="${id}"><a href="/en/world/1-x">x</a></aside>`,
        },
      })
      expect(outcomeOf(response), id).toBe('201')
      const { bodyDoc } = response.json<{ bodyDoc: { content: { type: string }[] } }>()
      const types = bodyDoc.content.map((block) => block.type)
      expect(types.filter((type) => type === 'gallery' || type === 'relatedArticle')).toEqual([])
    }
    expect(errorLines()).toEqual([])
  })

  it('answers 404 for an article URL holding such an id on the content API lookup', async () => {
    for (const id of OUT_OF_RANGE) {
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/lookup?url=${encodeURIComponent(`/en/world/${id}-headline`)}`,
      })
      expect(response.statusCode, id).toBe(404)
    }
    expect(errorLines()).toEqual([])
  })
})
