import { createWriteStream, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { once } from 'node:events'
import { cpus, loadavg } from 'node:os'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { openStore } from '../src/db/create-database.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { importWordPress } from '../src/importers/wordpress/import-wordpress.js'

/** 50,000 posts; MASTHEAD_BENCH_POSTS sets another number for a quick run. */
const POSTS = Number(process.env['MASTHEAD_BENCH_POSTS'] ?? 50_000)
const CATEGORIES = 20
const TAGS = 200
const MB = 1024 * 1024

function post(index: number): string {
  const day = String((index % 28) + 1).padStart(2, '0')
  const month = String((index % 12) + 1).padStart(2, '0')
  const slug = `generated-story-${index}`
  const body = [
    `<!-- wp:paragraph --><p>Story ${index} opens with a plain paragraph about the town council and its <strong>budget</strong> for the coming year.</p><!-- /wp:paragraph -->`,
    `<!-- wp:heading --><h2>What was decided</h2><!-- /wp:heading -->`,
    `<!-- wp:list --><ul><li>Roads were resurfaced</li><li>Two schools were opened</li><li>The library hours grew</li></ul><!-- /wp:list -->`,
    `<!-- wp:quote --><blockquote class="wp-block-quote"><p>We listened to residents.</p><cite>A council member</cite></blockquote><!-- /wp:quote -->`,
    `<!-- wp:paragraph --><p>A second paragraph with <a href="https://example.org/report-${index}">a link to the report</a> closes story ${index}.</p><!-- /wp:paragraph -->`,
  ].join('\n')
  return `<item>
<title>Generated story number ${index} about the council</title>
<link>https://bench.example/2024/${month}/${day}/${slug}/</link>
<pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate>
<dc:creator><![CDATA[editor]]></dc:creator>
<guid isPermaLink="false">https://bench.example/?p=${index}</guid>
<content:encoded><![CDATA[${body}]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>${index}</wp:post_id>
<wp:post_date>2024-${month}-${day} 10:00:00</wp:post_date>
<wp:post_date_gmt>2024-${month}-${day} 10:00:00</wp:post_date_gmt>
<wp:post_name>${slug}</wp:post_name>
<wp:status>publish</wp:status>
<wp:post_parent>0</wp:post_parent>
<wp:menu_order>0</wp:menu_order>
<wp:post_type>post</wp:post_type>
<wp:is_sticky>0</wp:is_sticky>
<category domain="category" nicename="section-${index % CATEGORIES}"><![CDATA[Section ${index % CATEGORIES}]]></category>
<category domain="post_tag" nicename="tag-${index % TAGS}"><![CDATA[Tag ${index % TAGS}]]></category>
<category domain="post_tag" nicename="tag-${(index * 7) % TAGS}"><![CDATA[Tag ${(index * 7) % TAGS}]]></category>
</item>
`
}

/** Writes a WXR file of `count` posts, a chunk at a time (the generator's memory stays small too). */
async function writeWxr(path: string, count: number): Promise<void> {
  const out = createWriteStream(path)
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain')
  }
  await write(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Bench</title><link>https://bench.example</link><language>en-US</language>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:base_blog_url>https://bench.example</wp:base_blog_url>
<wp:author><wp:author_login><![CDATA[editor]]></wp:author_login><wp:author_display_name><![CDATA[The Editor]]></wp:author_display_name></wp:author>
`)
  for (let index = 0; index < CATEGORIES; index++)
    await write(
      `<wp:category><wp:term_id>${index + 1}</wp:term_id><wp:category_nicename>section-${index}</wp:category_nicename><wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[Section ${index}]]></wp:cat_name></wp:category>\n`,
    )
  for (let index = 0; index < TAGS; index++)
    await write(
      `<wp:tag><wp:term_id>${1000 + index}</wp:term_id><wp:tag_slug>tag-${index}</wp:tag_slug><wp:tag_name><![CDATA[Tag ${index}]]></wp:tag_name></wp:tag>\n`,
    )
  for (let index = 1; index <= count; index++) await write(post(index))
  await write('</channel>\n</rss>\n')
  out.end()
  await once(out, 'finish')
}

/** A full collection before reading the heap at the marks, so that they show what is still held. */
function garbageCollector(): () => void {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
}

const mb = (bytes: number) => `${Math.round(bytes / MB)} MB`

/**
 * Imports a generated 50,000-post WXR file into a fresh SQLite database and reports posts per
 * second (target: at least 1,000), CPU time per post (less sensitive than wall time to a busy
 * machine; the load average is printed beside it) and memory: the peak resident size and heap, and
 * the heap still in use (after a full collection) at 10%, 50% and 100% of the posts, which stays
 * level when the import streams.
 */
export async function benchWordPressImport(posts = POSTS): Promise<string[]> {
  const folder = mkdtempSync(join(tmpdir(), 'masthead-bench-wxr-'))
  try {
    const path = join(folder, 'export.xml')
    await writeWxr(path, posts)
    const store = await openStore({ kind: 'sqlite', file: join(folder, 'bench.sqlite') })
    await migrateToLatest(store.db)
    const peak = { rss: 0, heap: 0 }
    const sample = () => {
      const usage = process.memoryUsage()
      peak.rss = Math.max(peak.rss, usage.rss)
      peak.heap = Math.max(peak.heap, usage.heapUsed)
      return usage
    }
    const marks = [0.1, 0.5, 1].map((share) => ({
      share,
      items: Math.ceil(posts * share),
      heap: 0,
    }))
    const collect = garbageCollector()
    const sampler = setInterval(sample, 50)
    const loadBefore = loadavg()[0] ?? 0
    const cpuBefore = process.cpuUsage()
    const started = performance.now()
    let importStarted = 0
    let cpuChecking = { user: 0, system: 0 }
    const report = await importWordPress({
      db: store.db,
      path,
      now: () => new Date(),
      onProgress: (progress) => {
        if (progress.phase !== 'importing') return
        const { items } = progress
        if (!importStarted) {
          importStarted = performance.now()
          cpuChecking = process.cpuUsage(cpuBefore)
        }
        for (const mark of marks)
          if (!mark.heap && items >= mark.items) {
            sample()
            collect()
            mark.heap = process.memoryUsage().heapUsed
          }
      },
    })
    const ended = performance.now()
    const cpu = process.cpuUsage(cpuBefore)
    const loadAfter = loadavg()[0] ?? 0
    clearInterval(sampler)
    sample()
    await store.close()
    const imported = report.imported.articles ?? 0
    const seconds = (ended - started) / 1000
    const importSeconds = (ended - (importStarted || started)) / 1000
    const cpuMs = (cpu.user + cpu.system) / 1000
    const checkingMs = (cpuChecking.user + cpuChecking.system) / 1000
    const perPost = (ms: number) => (ms / Math.max(imported, 1)).toFixed(3)
    return [
      `${imported} posts imported in ${seconds.toFixed(1)} s (both readings of the file): ${Math.round(imported / seconds)} posts/s (target ≥ 1,000); second reading alone ${Math.round(imported / importSeconds)} posts/s`,
      `CPU time ${perPost(cpuMs)} ms per post (first reading ${perPost(checkingMs)}, second ${perPost(cpuMs - checkingMs)}; user ${Math.round(cpu.user / 1000)} ms, system ${Math.round(cpu.system / 1000)} ms); load average ${loadBefore.toFixed(1)} before, ${loadAfter.toFixed(1)} after (${cpus().length} cores)`,
      `peak RSS ${mb(peak.rss)}, peak heap ${mb(peak.heap)}; live heap (after a full GC) at ${marks.map((mark) => `${mark.share * 100}% ${mb(mark.heap)}`).join(', ')}`,
      `failed: ${report.failed.length}`,
    ]
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}
