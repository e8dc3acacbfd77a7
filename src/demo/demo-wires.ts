import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import type { Database, WireFormat } from '../db/database.js'
import { withTransaction } from '../db/transaction.js'
import { findSourceBySlug } from '../modules/sources/source-queries.js'
import { createWireFeed } from '../modules/wires/wire-feed-queries.js'
import { escapeHtml } from '../platform/escape-html.js'
import {
  DEMO_WIRE_STORIES_AR,
  DEMO_WIRE_STORIES_EN,
  type DemoWireStory,
} from './demo-wire-stories.js'

/** One folder feed of the demo agency: whose it is, in which language and format. */
interface DemoFeed {
  /** Under the data folder's `wires/`. */
  folder: string
  file: string
  name: string
  sourceSlug: string
  language: 'en' | 'ar'
  format: Extract<WireFormat, 'rss' | 'ninjs'>
  stories: DemoWireStory[]
}

/** The demo's agencies (demo sources) file half their stories as RSS and half as ninjs. */
const DEMO_FEEDS: DemoFeed[] = [
  {
    folder: 'demo/meridian-en-rss',
    file: 'stories.xml',
    name: 'Meridian Press Agency: English (RSS)',
    sourceSlug: 'meridian',
    language: 'en',
    format: 'rss',
    stories: DEMO_WIRE_STORIES_EN.slice(0, 6),
  },
  {
    folder: 'demo/meridian-en-ninjs',
    file: 'stories.json',
    name: 'Meridian Press Agency: English (ninjs)',
    sourceSlug: 'meridian',
    language: 'en',
    format: 'ninjs',
    stories: DEMO_WIRE_STORIES_EN.slice(6),
  },
  {
    folder: 'demo/mashriq-ar-rss',
    file: 'stories.xml',
    name: 'وكالة أنباء المشرق: عربي (RSS)',
    sourceSlug: 'mashriq',
    language: 'ar',
    format: 'rss',
    stories: DEMO_WIRE_STORIES_AR.slice(0, 6),
  },
  {
    folder: 'demo/mashriq-ar-ninjs',
    file: 'stories.json',
    name: 'وكالة أنباء المشرق: عربي (ninjs)',
    sourceSlug: 'mashriq',
    language: 'ar',
    format: 'ninjs',
    stories: DEMO_WIRE_STORIES_AR.slice(6),
  },
]

const filedAt = (story: DemoWireStory, now: Date) =>
  new Date(now.getTime() - story.minutesAgo * 60_000)

const storyUrl = (agencyUrl: string, feed: DemoFeed, story: DemoWireStory) =>
  `${agencyUrl}/wire/${feed.language}/${story.key}`

const bodyHtml = (story: DemoWireStory) =>
  story.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('')

/** An RSS 2.0 document of the feed's stories: the summary in `description`, the body in `content:encoded`. */
function rssDocument(feed: DemoFeed, agencyUrl: string, now: Date): string {
  const items = feed.stories.map((story) => {
    const url = escapeHtml(storyUrl(agencyUrl, feed, story))
    return [
      '    <item>',
      `      <title>${escapeHtml(story.headline)}</title>`,
      `      <link>${url}</link>`,
      `      <guid isPermaLink="true">${url}</guid>`,
      `      <pubDate>${filedAt(story, now).toUTCString()}</pubDate>`,
      `      <description>${escapeHtml(story.summary)}</description>`,
      `      <content:encoded>${escapeHtml(bodyHtml(story))}</content:encoded>`,
      '    </item>',
    ].join('\n')
  })
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">',
    '  <channel>',
    `    <title>${escapeHtml(feed.name)}</title>`,
    `    <link>${escapeHtml(agencyUrl)}</link>`,
    `    <description>${escapeHtml(feed.name)}</description>`,
    `    <language>${feed.language}</language>`,
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n')
}

/** A ninjs (2.x) document of the feed's stories: `{"items": […]}`. */
function ninjsDocument(feed: DemoFeed, agencyUrl: string, now: Date): string {
  const items = feed.stories.map((story) => ({
    uri: `urn:demo:${feed.sourceSlug}:${feed.language}:${story.key}`,
    type: 'text',
    version: '1',
    pubstatus: 'usable',
    language: feed.language,
    versioncreated: filedAt(story, now).toISOString(),
    headlines: [{ role: 'main', value: story.headline }],
    descriptions: [{ role: 'summary', value: story.summary, contenttype: 'text/plain' }],
    body_html: bodyHtml(story),
    links: [{ rel: 'canonical', href: storyUrl(agencyUrl, feed, story) }],
  }))
  return `${JSON.stringify({ items }, null, 2)}\n`
}

/**
 * Gives the demo newsroom agency feeds of its own, so a newcomer's wire desk is not empty: the
 * demo agencies' sample stories (a dozen in each edition's language, in RSS and in ninjs) written
 * into folders under `$MASTHEAD_DATA_DIR/wires/demo/`, and a folder feed for each, due at once.
 * Runs after `loadDemoContent` (the feeds belong to its agencies); answers how many feeds it added.
 */
export async function loadDemoWires(
  db: Kysely<Database>,
  input: { dataDir: string; now: Date },
): Promise<number> {
  return withTransaction(db, async (trx) => {
    for (const feed of DEMO_FEEDS) {
      const source = await findSourceBySlug(trx, feed.sourceSlug)
      if (!source)
        throw new Error(`the demo agency ${feed.sourceSlug} is missing: load the demo first`)
      const agencyUrl = source.url ?? `https://${feed.sourceSlug}.example`
      const folder = join(input.dataDir, 'wires', feed.folder)
      await mkdir(folder, { recursive: true })
      const text =
        feed.format === 'rss'
          ? rssDocument(feed, agencyUrl, input.now)
          : ninjsDocument(feed, agencyUrl, input.now)
      await writeFile(join(folder, feed.file), text)
      await createWireFeed(
        trx,
        {
          sourceId: source.id,
          name: feed.name,
          url: null,
          folder: feed.folder,
          format: feed.format,
          language: feed.language,
          pollIntervalSeconds: 3600,
          isEnabled: true,
        },
        input.now,
      )
    }
    return DEMO_FEEDS.length
  })
}
