import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { AddressInfo } from 'node:net'
import type { Page } from 'playwright-core'
import { buildAdmin } from '../src/admin-app/admin-build.js'
import { buildApp } from '../src/app.js'
import { loadConfig } from '../src/config/load-config.js'
import { openStore } from '../src/db/create-database.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { loadDemoContent } from '../src/demo/load-demo.js'
import { saveEditions, STARTING_EDITIONS } from '../src/modules/editions/edition-queries.js'
import { hashPassword } from '../src/modules/users/password.js'
import { createUser } from '../src/modules/users/user-queries.js'
import { systemClock } from '../src/platform/clock.js'
import {
  createLocalMediaStorage,
  mediaFolderOf,
} from '../src/platform/storage/local-media-storage.js'
import { launchBrowser } from '../test/e2e/browser.js'

const EMAIL = 'bench-typing@news.example'
const PASSWORD = 'bench password long enough'
const FIRST_LOAD_BUDGET_KB = 350
const LONG_TASK_BUDGET_MS = 50
/** What is typed into each article: a sentence, a few times, at a brisk typist's pace. */
const TYPED = ' The committee met again on Thursday to review the figures.'.repeat(3)
const KEY_DELAY_MS = 25

const WORDS = (
  'harbour council budget river market school bridge road water station museum library ' +
  'season report figure plan street garden train ferry weather village clinic festival'
).split(' ')

/** An original filler body of about `words` words, in paragraphs of sixty. */
function bodyOf(words: number) {
  const paragraphs = []
  for (let start = 0; start < words; start += 60) {
    const text = Array.from(
      { length: Math.min(60, words - start) },
      (_, index) => WORDS[(start + index * 7) % WORDS.length],
    ).join(' ')
    paragraphs.push({ type: 'paragraph', content: [{ type: 'text', text: `${text}.` }] })
  }
  return { type: 'doc', content: paragraphs }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

/** The JavaScript a page fetched, gzipped as a server would send it. */
function recordScripts(page: Page): () => Promise<{ name: string; gzipBytes: number }[]> {
  const pending: Promise<{ name: string; gzipBytes: number }>[] = []
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return
    pending.push(
      response.body().then((body) => ({
        name: new URL(response.url()).pathname.split('/').pop() ?? '',
        gzipBytes: gzipSync(body).length,
      })),
    )
  })
  return () => Promise.all(pending)
}

// Run in the page (the bench is type-checked without the DOM's types, so they are plain text):
// long tasks, and key events whose handling took 16 ms or more until the next paint.
const START_TRACE = `
  window.trace = { longTasks: [], keys: [] }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.trace.longTasks.push(entry.duration)
  }).observe({ type: 'longtask' })
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      if (entry.name.startsWith('key')) window.trace.keys.push(entry.duration)
  }).observe({ type: 'event', durationThreshold: 16 })
`
const READ_TRACE = `({
  longestTaskMs: Math.max(0, ...window.trace.longTasks),
  longestKeyMs: Math.max(0, ...window.trace.keys),
})`

interface Trace {
  longestTaskMs: number
  longestKeyMs: number
}

/** Long tasks (over 50 ms) and the longest key press (input to next paint) while typing. */
async function typeAndTrace(page: Page, selector: string): Promise<Trace> {
  // Loading and first drawing are over before the trace starts: only typing is measured.
  await page.waitForTimeout(1000)
  await page.locator(selector).click()
  await page.keyboard.press('Control+End')
  await page.waitForTimeout(500)
  await page.evaluate(START_TRACE)
  await page.keyboard.type(TYPED, { delay: KEY_DELAY_MS })
  await page.waitForTimeout(500)
  return page.evaluate<Trace>(READ_TRACE)
}

/**
 * The newsroom app in Chromium: the JavaScript /admin loads first (gzipped; budget 350 KB, the
 * editor loading on demand), the editor's chunk, and typing into a 3,000-word article against
 * typing into a plain textarea of the same screen (budget: no long task over 50 ms while typing).
 */
export async function benchAdminTyping(): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'masthead-bench-admin-'))
  const adminFolder = join(dataDir, 'admin-build')
  await buildAdmin(() => undefined, adminFolder)
  const config = loadConfig({ MASTHEAD_DATA_DIR: dataDir, MASTHEAD_DEMO: '0' })
  const store = await openStore(config.database)
  await migrateToLatest(store.db)
  await saveEditions(store.db, STARTING_EDITIONS)
  const storage = createLocalMediaStorage(mediaFolderOf(dataDir))
  await loadDemoContent(store.db, storage, systemClock.now())
  await createUser(
    store.db,
    { email: EMAIL, name: 'Bench', role: 'editor', passwordHash: await hashPassword(PASSWORD) },
    systemClock.now(),
  )
  const app = await buildApp({ config, store, clock: systemClock, storage, adminFolder })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  const browser = await launchBrowser()
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const signInScripts = recordScripts(page)
    await page.goto(`${base}/admin/`)
    await page.locator('#sign-in-email').fill(EMAIL)
    await page.locator('#sign-in-password').fill(PASSWORD)
    await page.locator('.sign-in button[type=submit]').click()
    // The first screen after signing in is the dashboard.
    await page.locator('.app-header nav').waitFor()
    await page.waitForLoadState('networkidle')
    const firstLoad = await signInScripts()
    const firstLoadBytes = firstLoad.reduce((sum, script) => sum + script.gzipBytes, 0)

    const create = (words: number, headline: string) =>
      page.evaluate(
        async ({ body, title }) => {
          const session = (await (await fetch('/api/admin/session')).json()) as {
            csrfToken: string
          }
          const sections = (await (await fetch('/api/admin/sections')).json()) as {
            items: { id: number }[]
          }
          const section = sections.items[0]
          const response = await fetch('/api/admin/articles', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
            body: JSON.stringify({
              language: 'en',
              status: 'draft',
              headline: title,
              section: section?.id,
              tags: [],
              bodyDoc: body,
            }),
          })
          return ((await response.json()) as { id: number }).id
        },
        { body: bodyOf(words), title: headline },
      )
    const shortId = await create(60, 'Bench: a short article')
    const longId = await create(3000, 'Bench: a 3,000-word article')

    const editorScripts = recordScripts(page)
    await page.goto(`${base}/admin/articles/${shortId}`)
    await page.locator('.body-text').waitFor()
    const editorChunk = (await editorScripts()).find((script) =>
      script.name.startsWith('editor-screen'),
    )
    const short = await typeAndTrace(page, '.body-text')
    await page.goto(`${base}/admin/articles/${longId}`)
    await page.locator('.body-text').waitFor()
    // The baseline: the same keys typed into a plain textarea of the same screen, which shows
    // what the browser and this machine cost before the body editor adds its share.
    const plain = await typeAndTrace(page, '#dek')
    const long = await typeAndTrace(page, '.body-text')
    const line = (what: string, trace: Trace) =>
      `typing ${TYPED.length} characters ${what}: longest long task ` +
      `${trace.longestTaskMs.toFixed(0)} ms, longest key press ${trace.longestKeyMs.toFixed(0)} ms`

    const verdict = (isWithin: boolean) => (isWithin ? 'within budget' : 'OVER BUDGET')
    return [
      `first load of /admin (sign-in and dashboard): ${kb(firstLoadBytes)} of JavaScript gzipped ` +
        `in ${firstLoad.length} files (budget ${FIRST_LOAD_BUDGET_KB} KB: ` +
        `${verdict(firstLoadBytes <= FIRST_LOAD_BUDGET_KB * 1024)})`,
      `editor chunk, loaded on opening an article: ${kb(editorChunk?.gzipBytes ?? 0)} gzipped`,
      line('into the dek textarea (baseline)', plain),
      line('into the body of a 60-word article', short),
      `${line('into the body of a 3,000-word article', long)} (budget: no long task over ` +
        `${LONG_TASK_BUDGET_MS} ms: ${verdict(long.longestTaskMs <= LONG_TASK_BUDGET_MS)}); ` +
        `ratio to the baseline ${(long.longestTaskMs / Math.max(plain.longestTaskMs, 1)).toFixed(2)}`,
    ]
  } finally {
    await browser.close()
    await app.close()
    await store.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
