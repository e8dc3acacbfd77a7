import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { documentPlainText } from '../articles/document/render-document.js'
import { parseWireFeed, toWireItemContent } from './read-wire-entries.js'
import { WireFeedError } from './wire-feed-error.js'

const fixture = (name: string) =>
  readFileSync(new URL(`../../../test/fixtures/wires/${name}`, import.meta.url), 'utf8')

const itemsOf = async (name: string, format: 'rss' | 'atom' | 'ninjs', language = 'en') =>
  (await parseWireFeed(fixture(name), format)).map((entry) =>
    toWireItemContent(entry, { language }),
  )

async function failureOf(run: () => Promise<unknown>): Promise<WireFeedError> {
  try {
    await run()
  } catch (error) {
    if (error instanceof WireFeedError) return error
    throw error
  }
  throw new Error('expected a WireFeedError')
}

describe('reading wire feeds', () => {
  it('reads RSS 2.0 items: guid or link as the id, the encoded body sanitised', async () => {
    const [first, second, third] = await itemsOf('agency-en.rss.xml', 'rss')
    expect(first).toMatchObject({
      guid: 'harbour-wire-1001',
      version: 0,
      language: 'en',
      headline: 'City council approves new bus routes',
      summary: 'Three routes will link the eastern districts to the centre.',
      link: 'https://wire.example/en/stories/1001',
      byline: 'Lina Park',
      publishedAt: '2026-06-15T09:30:00.000Z',
    })
    const body = JSON.stringify(first?.bodyDoc)
    expect(body).not.toMatch(/script|alert|onclick|javascript/)
    expect(body).toContain('https://wire.example/transport')
    expect(documentPlainText(second?.bodyDoc ?? { type: 'doc', content: [] })).toContain(
      'Saturdays & Sundays',
    )
    expect(third?.guid).toBe('https://wire.example/en/stories/1003')
  })

  it('reads Atom entries: XHTML and HTML content, HTML titles as plain text, the feed language', async () => {
    const [park, fair] = await itemsOf('agency-ar.atom.xml', 'atom')
    expect(park).toMatchObject({
      guid: 'urn:harbour-wire:ar:2001',
      language: 'ar',
      headline: 'افتتاح حديقة عامة جديدة في وسط المدينة',
      summary: 'تضم الحديقة ممرات للمشي وملعبا للأطفال.',
      link: 'https://wire.example/ar/stories/2001',
      byline: 'سلمى حداد',
      publishedAt: '2026-06-15T09:00:00.000Z',
    })
    expect(JSON.stringify(park?.bodyDoc)).toContain('"type":"bold"')
    expect(fair?.headline).toBe('معرض الكتاب يستقبل زواره')
    expect(JSON.stringify(fair?.bodyDoc)).not.toContain('evil.example')
  })

  it('reads ninjs items of 1.x and 3.x, leaving out pictures and cancelled items', async () => {
    const items = await itemsOf('agency-v2.ninjs.json', 'ninjs')
    expect(items.map((item) => [item?.guid, item?.version])).toEqual([
      ['urn:harbour-wire:ninjs:3001', 2],
      ['urn:harbour-wire:ninjs:3003', 1],
    ])
    expect(items[0]).toMatchObject({
      headline: 'Port reopens after maintenance, earlier than planned',
      summary: 'Ships resume normal schedules.',
      link: 'https://wire.example/en/stories/3001',
      byline: 'Omar Reyes',
    })
    const [, school] = await itemsOf('agency-v1.ninjs.json', 'ninjs')
    expect(school?.bodyDoc.content).toHaveLength(2)
  })

  it.each([
    ['truncated.rss.xml', 'rss', /truncated|not closed/],
    ['entity-expansion.rss.xml', 'rss', /document type declaration/],
    ['not-a-feed.html', 'rss', /.+/],
    ['agency-en.rss.xml', 'atom', /root element is <rss>, not <feed>/],
    ['agency-en.rss.xml', 'ninjs', /not JSON/],
  ] as const)('refuses %s read as %s', async (name, format, message) => {
    const failure = await failureOf(() => parseWireFeed(fixture(name), format))
    expect(failure.failure).toBe('malformed')
    expect(failure.message).toMatch(message)
  })

  it('refuses ninjs items without a uri', async () => {
    expect((await failureOf(() => parseWireFeed('[{"headline":"x"}]', 'ninjs'))).message).toMatch(
      /uri/,
    )
  })
})
