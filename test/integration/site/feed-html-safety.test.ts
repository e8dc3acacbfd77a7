import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { XMLParser } from 'fast-xml-parser'
import type { FastifyInstance } from 'fastify'
import { DomUtils, parseDocument } from 'htmlparser2'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { importGhost } from '../../../src/importers/ghost/import-ghost.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildEditions, buildSection, TEST_NOW } from '../../helpers/factories.js'
import { signInAs } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
]
/** A body with every payload, through the Admin API's allowlist like any body. */
const HOSTILE_BODY = `<p>Body text.</p>${PAYLOADS.join('')}`

/** What a feed reader would run if it rendered this HTML: live elements, handlers, script URLs. */
function liveMarkupIn(html: string): string[] {
  return DomUtils.findAll(() => true, parseDocument(html).children).flatMap((element) => [
    ...(LIVE_ELEMENTS.has(element.name) ? [element.name] : []),
    ...Object.entries(element.attribs)
      .filter(([name, value]) => /^on|^srcdoc$/i.test(name) || SCRIPT_URL.test(value))
      .map(([name, value]) => `${element.name}[${name}="${value}"]`),
  ])
}
const LIVE_ELEMENTS = new Set(['script', 'iframe', 'frame', 'object', 'embed'])
const SCRIPT_URL = /^\s*(javascript|vbscript|data):/i

/** The words a reader sees when the HTML is rendered. */
const textOf = (html: string) => DomUtils.textContent(parseDocument(html))

// Entities decoded, CDATA read as text, nothing converted to numbers: the strings a reader gets.
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => ['item', 'entry'].includes(name),
})
type XmlNode = Record<string, unknown>
/** The text of an element the parser read: a string, or `#text` when it has attributes. */
function textOfNode(node: unknown): string {
  if (typeof node === 'string') return node
  const text = (node as XmlNode | undefined)?.['#text']
  return typeof text === 'string' ? text : ''
}

describeEachDatabase('feeds: plain text as text, body HTML through the allowlist', (store) => {
  let app: FastifyInstance
  /** The summary each item's feed text must show, by headline. */
  const summaries = new Map<string, string>()

  beforeAll(async () => {
    const { db } = store()
    await buildEditions(db)
    const section = await buildSection(db, { slug: 'world' })
    app = await createTestApp(store())
    const admin = await signInAs(app, db, 'admin')
    const settings = await admin.request({
      method: 'PATCH',
      url: '/api/admin/settings',
      payload: { isFeedFullContent: true },
    })
    expect(settings.statusCode).toBe(200)
    const publish = async (headline: string, fields: Record<string, string>) => {
      const created = await admin.request({
        method: 'POST',
        url: '/api/admin/articles',
        payload: { language: 'en', headline, section, status: 'published', ...fields },
      })
      expect(created.statusCode, created.body).toBe(201)
    }
    for (const [index, payload] of PAYLOADS.entries()) {
      await publish(`Dek ${index}`, { dek: payload, body: HOSTILE_BODY })
      summaries.set(`Dek ${index}`, payload)
    }
    await publish('Excerpt', { excerpt: PAYLOADS[1] ?? '', body: HOSTILE_BODY })
    summaries.set('Excerpt', PAYLOADS[1] ?? '')
    // Entities in a body are text: the excerpt made from it holds a real "<script>".
    await publish('Derived excerpt', { body: '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>' })
    summaries.set('Derived excerpt', '<script>alert(1)</script>')

    // Ghost's custom excerpt is plain text and becomes the dek.
    const folder = mkdtempSync(join(tmpdir(), 'masthead-ghost-feed-'))
    const ghostExport = join(folder, 'ghost.json')
    const ghostExcerpt = '<img src=x onerror=alert("ghost")>'
    writeFileSync(
      ghostExport,
      JSON.stringify({
        db: [
          {
            meta: { version: '5.80.0' },
            data: {
              posts: [
                {
                  id: 'ghost-1',
                  title: 'From Ghost',
                  slug: 'from-ghost',
                  html: '<p>Imported.</p>',
                  status: 'published',
                  published_at: TEST_NOW.toISOString(),
                  custom_excerpt: ghostExcerpt,
                },
              ],
            },
          },
        ],
      }),
    )
    const report = await importGhost({
      db,
      path: ghostExport,
      language: 'en',
      now: () => TEST_NOW,
    })
    expect(report.failed).toEqual([])
    summaries.set('From Ghost', ghostExcerpt)
  })
  afterAll(() => app.close())

  const get = async (url: string) => {
    const response = await app.inject({ url })
    expect(response.statusCode, url).toBe(200)
    return response.body
  }
  const expectSafe = (html: string, where: string) =>
    expect(liveMarkupIn(html), `${where}: ${html}`).toEqual([])
  /** Full content is there to be checked (the setting is on), and none of it is live. */
  const expectSafeContent = (html: string | undefined, where: string) => {
    expect(textOf(html ?? ''), where).not.toBe('')
    expectSafe(html ?? '', where)
  }

  it('puts each summary in the RSS description as escaped text, and full content through the allowlist', async () => {
    const items = (xml.parse(await get('/en/rss.xml')) as { rss: { channel: { item: XmlNode[] } } })
      .rss.channel.item
    expect(new Set(items.map((item) => textOfNode(item['title'])))).toEqual(
      new Set(summaries.keys()),
    )
    for (const item of items) {
      const title = textOfNode(item['title'])
      const description = textOfNode(item['description'])
      expectSafe(description, `RSS description of "${title}"`)
      expect(textOf(description), title).toBe(summaries.get(title))
      expectSafeContent(textOfNode(item['content:encoded']), `RSS content of "${title}"`)
    }
  })

  it('keeps Atom summaries as text and Atom content through the allowlist', async () => {
    const entries = (xml.parse(await get('/en/atom.xml')) as { feed: { entry: XmlNode[] } }).feed
      .entry
    expect(entries).toHaveLength(summaries.size)
    for (const entry of entries) {
      const title = textOfNode(entry['title'])
      const summary = entry['summary']
      const summaryType = (summary as XmlNode | undefined)?.['@type'] ?? 'text'
      expect(summaryType, title).toBe('text')
      expect(textOfNode(summary), title).toBe(summaries.get(title))
      const content = entry['content'] as XmlNode
      expect(content['@type']).toBe('html')
      expectSafeContent(textOfNode(content), `Atom content of "${title}"`)
    }
  })

  it('keeps JSON Feed summaries as text and content_html through the allowlist', async () => {
    const feed = JSON.parse(await get('/en/feed.json')) as {
      items: { title: string; summary: string; content_html?: string; content_text?: string }[]
    }
    expect(feed.items).toHaveLength(summaries.size)
    for (const item of feed.items) {
      expect(item.summary, item.title).toBe(summaries.get(item.title))
      expectSafeContent(item.content_html, `JSON Feed content_html of "${item.title}"`)
    }
  })
})
