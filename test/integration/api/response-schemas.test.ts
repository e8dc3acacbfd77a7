import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance, InjectOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { describeApi } from '../../../src/api/describe-api.js'
import { createContactMessage } from '../../../src/modules/contact/contact-queries.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import {
  buildAuthor,
  buildEditions,
  buildSection,
  buildSource,
  TEST_NOW,
} from '../../helpers/factories.js'
import { makeImage } from '../../helpers/images.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { problemsOfAnswer, responseSchemaProblems } from '../../helpers/response-schemas.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

const BOUNDARY = '----masthead-response-schemas'

function multipartImage(bytes: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="quay.jpg"\r\n` +
        'Content-Type: image/jpeg\r\n\r\n',
    ),
    bytes,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ])
}

describe('the response-schema check', () => {
  const schema = z.object({ id: z.number().int(), name: z.string().nullable() })

  it('passes an answer that fits the schema exactly', () => {
    expect(responseSchemaProblems(schema, { id: 1, name: null })).toEqual([])
  })

  it('fails a schema that lies: a wrong type, a missing field, a field it does not declare', () => {
    expect(responseSchemaProblems(schema, { id: '1', name: 'x' })).toHaveLength(1)
    expect(responseSchemaProblems(schema, { id: 1 })).toHaveLength(1)
    expect(responseSchemaProblems(schema, { id: 1, name: 'x', secret: 'y' })).toEqual([
      '$.secret is sent but not declared',
    ])
    expect(
      responseSchemaProblems(z.object({ items: z.array(schema) }), {
        items: [{ id: 1, name: 'x', extra: true }],
      }),
    ).toEqual(['$.items[0].extra is sent but not declared'])
  })
})

describeEachDatabase('real Admin API answers against their declared response schemas', (store) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'masthead-response-schemas-'))
  let app: FastifyInstance
  let editor: NewsroomClient
  let admin: NewsroomClient
  let sectionId: number
  let sourceId: number
  let authorId: number
  /** Every route checked, with what its answer showed untrue in its schema. */
  const problems = new Map<string, string[]>()

  /** Sends a request as `client` and checks the answer against the route's declared schema. */
  async function answer<T = Record<string, unknown>>(
    client: NewsroomClient,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT',
    route: string,
    options: Omit<InjectOptions, 'method'> & { url?: string } = {},
  ): Promise<T> {
    const response = await client.request({ method, url: route, ...options })
    const route_ = `${method} ${route}`
    problems.set(route_, [
      ...(problems.get(route_) ?? []),
      ...problemsOfAnswer(method, route, response),
    ])
    return response.json<T>()
  }

  beforeAll(async () => {
    const { db } = store()
    await buildEditions(db)
    sectionId = await buildSection(db, { slug: 'harbour' })
    sourceId = await buildSource(db)
    authorId = await buildAuthor(db)
    app = await createTestApp(store(), { env: { MASTHEAD_DATA_DIR: dataDir } })
    editor = await signInAs(app, db, 'editor')
    admin = await signInAs(app, db, 'admin')
    await createContactMessage(
      db,
      {
        language: 'en',
        name: 'Reader',
        email: 'reader@example.com',
        subject: 'Ferry times',
        message: 'The timetable is out of date.',
      },
      TEST_NOW,
    )
  })
  afterAll(async () => {
    await app.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('answers the session, account, user and taxonomy routes as declared', async () => {
    await answer(editor, 'GET', '/api/admin/session')
    await answer(editor, 'PATCH', '/api/admin/account', {
      url: '/api/admin/account',
      payload: { uiLanguage: 'ar' },
    })
    await answer(editor, 'POST', '/api/admin/account/two-factor')
    await answer(editor, 'GET', '/api/admin/users/directory')
    await answer(admin, 'GET', '/api/admin/users')
    await answer(editor, 'GET', '/api/admin/sections')
    const section = await answer<{ id: number }>(editor, 'POST', '/api/admin/sections', {
      payload: { translations: { en: { name: 'Weather', slug: 'weather' } } },
    })
    await answer(editor, 'PATCH', '/api/admin/sections/:id', {
      url: `/api/admin/sections/${section.id}`,
      payload: { position: 3 },
    })
    await answer(editor, 'GET', '/api/admin/tags', { url: '/api/admin/tags?language=en' })
    const tides = await answer<{ id: number }>(editor, 'POST', '/api/admin/tags', {
      payload: { language: 'en', name: 'Tides' },
    })
    const tidesUrl = `/api/admin/tags/${tides.id}`
    await answer(editor, 'PATCH', '/api/admin/tags/:id', {
      url: tidesUrl,
      payload: { name: 'Tide tables' },
    })
    const surge = await answer<{ id: number }>(editor, 'POST', '/api/admin/tags', {
      payload: { language: 'en', name: 'Storm surge' },
    })
    await answer(editor, 'POST', '/api/admin/tags/:id/merge', {
      url: `/api/admin/tags/${surge.id}/merge`,
      payload: { into: tides.id },
    })
    await answer(editor, 'GET', '/api/admin/authors')
    await answer(editor, 'POST', '/api/admin/authors', {
      payload: { slug: 'sara-haddad', name: { en: 'Sara Haddad', ar: 'سارة حداد' } },
    })
    await answer(editor, 'GET', '/api/admin/sources')
    await answer(editor, 'GET', '/api/admin/settings')
    await answer(admin, 'PATCH', '/api/admin/settings', { payload: { timeZone: 'Asia/Amman' } })
    await answer(editor, 'GET', '/api/admin/workflow')
  })

  it('answers the pages, redirects, tokens and webhooks of the settings as declared', async () => {
    const page = await answer<{ id: number }>(editor, 'POST', '/api/admin/pages', {
      payload: {
        language: 'en',
        slug: 'about',
        title: 'About us',
        body: '<p>Who we are.</p>',
        status: 'published',
      },
    })
    await answer(editor, 'PATCH', '/api/admin/pages/:id', {
      url: `/api/admin/pages/${page.id}`,
      payload: { isInFooter: true },
    })
    await answer(editor, 'GET', '/api/admin/pages')
    await answer(editor, 'POST', '/api/admin/redirects', {
      payload: { fromPath: '/old-ferries', toPath: '/en/harbour' },
    })
    await answer(editor, 'GET', '/api/admin/redirects')
    await answer(admin, 'POST', '/api/admin/tokens', {
      payload: { name: 'Wire robot', scopes: ['write'] },
    })
    await answer(admin, 'GET', '/api/admin/tokens')
    const webhook = await answer<{ id: number }>(admin, 'POST', '/api/admin/webhooks', {
      payload: { url: 'https://hooks.example/masthead', events: ['article.published'] },
    })
    await answer(admin, 'GET', '/api/admin/webhooks')
    await answer(admin, 'GET', '/api/admin/webhooks/:id/deliveries', {
      url: `/api/admin/webhooks/${webhook.id}/deliveries`,
    })
  })

  it('answers the article routes as declared, from creation through the workflow', async () => {
    const created = await answer<{ id: number; version: number }>(
      editor,
      'POST',
      '/api/admin/articles',
      {
        payload: {
          language: 'en',
          headline: 'Ferry timetable changes for the winter',
          body: '<p>The <strong>first</strong> ferry leaves at six.</p><ul><li><p>Weekdays</p></li></ul>',
          section: sectionId,
          tags: ['Ferries', 'Harbour'],
          authors: [authorId],
          source: sourceId,
          seo: { title: 'Winter ferries' },
        },
      },
    )
    const at = (path = '') => ({ url: `/api/admin/articles/${created.id}${path}` })
    await answer(editor, 'GET', '/api/admin/articles/:id', at())
    const saved = await answer<{ version: number }>(editor, 'PATCH', '/api/admin/articles/:id', {
      ...at(),
      payload: { dek: 'Six sailings a day', baseVersion: created.version },
    })
    await answer(editor, 'POST', '/api/admin/articles/:id/lock', { ...at('/lock'), payload: {} })
    await answer(editor, 'POST', '/api/admin/articles/:id/autosave', {
      ...at('/autosave'),
      payload: { dek: 'Six sailings a day, seven in summer' },
    })
    await answer(editor, 'POST', '/api/admin/articles/:id/transitions', {
      ...at('/transitions'),
      payload: { action: 'submit', baseVersion: saved.version },
    })
    await answer(editor, 'POST', '/api/admin/articles/:id/transitions', {
      ...at('/transitions'),
      payload: { action: 'publish' },
    })
    await answer(editor, 'POST', '/api/admin/articles/:id/notices', {
      ...at('/notices'),
      payload: { kind: 'correction', text: 'The first ferry leaves at six, not five.' },
    })
    const revisions = await answer<{ items: { number: number }[] }>(
      editor,
      'GET',
      '/api/admin/articles/:id/revisions',
      at('/revisions'),
    )
    const [newest, oldest] = [revisions.items[0]?.number, revisions.items.at(-1)?.number]
    await answer(editor, 'GET', '/api/admin/articles/:id/revisions/compare', {
      url: `/api/admin/articles/${created.id}/revisions/compare?from=${oldest}&to=${newest}`,
    })
    await answer(
      editor,
      'POST',
      '/api/admin/articles/:id/revisions/:number/restore',
      at(`/revisions/${oldest}/restore`),
    )
    await answer(editor, 'POST', '/api/admin/articles/:id/translations', {
      ...at('/translations'),
      payload: { language: 'ar' },
    })
    await answer(editor, 'POST', '/api/admin/articles/:id/preview-link', at('/preview-link'))
    await answer(editor, 'GET', '/api/admin/articles', { url: '/api/admin/articles?pageSize=5' })
    await answer(editor, 'GET', '/api/admin/dashboard')
    const story = await answer<{ id: number }>(editor, 'POST', '/api/admin/articles', {
      payload: {
        language: 'en',
        type: 'live',
        headline: 'Harbour regatta: live',
        body: '<p>Boats at the line.</p>',
        section: sectionId,
        status: 'published',
      },
    })
    const entries = { url: `/api/admin/articles/${story.id}/entries` }
    const entry = await answer<{ id: number }>(editor, 'POST', '/api/admin/articles/:id/entries', {
      ...entries,
      payload: { title: 'Start', body: '<p>They are off.</p>', isPinned: true },
    })
    await answer(editor, 'PATCH', '/api/admin/articles/:id/entries/:entryId', {
      url: `${entries.url}/${entry.id}`,
      payload: { isKeyEvent: true },
    })
    const list = await answer<{ nextChangedSince: string }>(
      editor,
      'GET',
      '/api/admin/articles/:id/entries',
      entries,
    )
    await answer(editor, 'GET', '/api/admin/articles/:id/entries', {
      ...entries,
      query: { changedSince: list.nextChangedSince },
    })
    await answer(editor, 'POST', '/api/admin/articles/bulk', {
      payload: { action: 'unpublish', ids: [created.id, 2_000_000] },
    })
    await answer(admin, 'GET', '/api/admin/audit-log', { url: '/api/admin/audit-log?pageSize=5' })
    await answer(editor, 'GET', '/api/admin/contact-messages')
  })

  it('answers the media library and gallery routes as declared', async () => {
    const item = await answer<{ id: number }>(editor, 'POST', '/api/admin/media', {
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: multipartImage(await makeImage('jpeg', { width: 640, height: 480 })),
    })
    const at = (path = '') => ({ url: `/api/admin/media/${item.id}${path}` })
    await answer(editor, 'GET', '/api/admin/media')
    await answer(editor, 'GET', '/api/admin/media/:id', at())
    await answer(editor, 'GET', '/api/admin/media/:id/usage', at('/usage'))
    await answer(editor, 'PATCH', '/api/admin/media/:id', {
      ...at(),
      payload: { alt: { en: 'The quay at dawn' }, creditByLanguage: { ar: 'تصوير: هاني' } },
    })
    const gallery = await answer<{ id: number }>(editor, 'POST', '/api/admin/galleries', {
      payload: { title: { en: 'The harbour' }, items: [{ mediaId: item.id }] },
    })
    await answer(editor, 'GET', '/api/admin/galleries/:id', {
      url: `/api/admin/galleries/${gallery.id}`,
    })
  })

  it('answers the wire desk routes as declared', async () => {
    mkdirSync(join(dataDir, 'wires', 'desk'), { recursive: true })
    writeFileSync(
      join(dataDir, 'wires', 'desk', 'story.json'),
      JSON.stringify({
        uri: 'urn:desk:1',
        headline: 'Port reopens',
        body_text: 'From the agency.',
      }),
    )
    const feed = await answer<{ id: number }>(editor, 'POST', '/api/admin/wires/feeds', {
      payload: { sourceId, name: 'Agency', folder: 'desk', format: 'ninjs', language: 'en' },
    })
    const at = (path = '') => ({ url: `/api/admin/wires/feeds/${feed.id}${path}` })
    await answer(editor, 'POST', '/api/admin/wires/feeds/:id/poll', at('/poll'))
    await answer(editor, 'GET', '/api/admin/wires/feeds')
    await answer(editor, 'GET', '/api/admin/wires/feeds/:id', at())
    await answer(editor, 'PATCH', '/api/admin/wires/feeds/:id', {
      ...at(),
      payload: { pollIntervalSeconds: 600 },
    })
    const queue = await answer<{ items: { id: number }[] }>(editor, 'GET', '/api/admin/wires/items')
    const itemUrl = `/api/admin/wires/items/${queue.items[0]?.id}`
    await answer(editor, 'GET', '/api/admin/wires/items/:id', { url: itemUrl })
    await answer(editor, 'POST', '/api/admin/wires/items/:id/use', {
      url: `${itemUrl}/use`,
      payload: { section: sectionId },
    })
  })

  it('found every checked answer true to its schema', () => {
    expect(problems.size).toBeGreaterThanOrEqual(60)
    expect(Object.fromEntries([...problems].filter(([, found]) => found.length > 0))).toEqual({})
  })

  it('serves the same OpenAPI document the newsroom app’s types are generated from', async () => {
    const served = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      info: { version: string }
    }>()
    expect(describeApi({ siteUrl: 'https://news.example', version: served.info.version })).toEqual(
      served,
    )
  })
})
