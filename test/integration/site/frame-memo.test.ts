import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { systemActor } from '../../../src/modules/access/actor.js'
import { manualClock } from '../../../src/platform/clock.js'
import { createDemoSite } from '../../helpers/demo-site.js'
import { TEST_NOW } from '../../helpers/factories.js'
import { parseHtml } from '../../helpers/html.js'
import { recordAndDeliver } from '../../helpers/outbox-events.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

const editorial = { actor: systemActor, ipAddress: null }

// What every page shows around its content (navigation, breaking bar, footer) is read once and
// kept in the process; these tests render with the page cache off, so each answer is a new render
// from that kept frame.
describeEachDatabase('the frame every page shares', (store) => {
  const clock = manualClock(TEST_NOW)
  let app: FastifyInstance
  beforeAll(async () => {
    app = await createDemoSite(store(), { MASTHEAD_PAGE_CACHE_MB: '0' }, { clock })
  })
  afterAll(async () => {
    await app.close()
  })

  const page = async (url: string) => {
    const reply = await app.inject({ url })
    expect(reply.statusCode, url).toBe(200)
    return parseHtml(reply.body)
  }
  const breakingBar = async (url: string) =>
    [...(await page(url)).querySelectorAll('.breaking-bar li')].map((item) => item.textContent)

  it('shows a story in every breaking bar once flagged, and drops it when its time runs out', async () => {
    const db = store().db
    const story = await db
      .selectFrom('articles')
      .select(['id', 'headline'])
      .where('language', '=', 'en')
      .where('status', '=', 'published')
      .where('isBreaking', '=', 0)
      .orderBy('publishedAt', 'desc')
      .executeTakeFirstOrThrow()
    // The bar shows the newest three: the demo's own breaking stories step aside before the
    // first page is rendered.
    await db.updateTable('articles').set({ isBreaking: 0 }).where('isBreaking', '=', 1).execute()
    expect(await breakingBar('/en/')).toEqual([])

    const until = new Date(clock.now().getTime() + 30 * 60_000).toISOString()
    await app.newsroom.articles.save(editorial, story.id, {
      isBreaking: true,
      breakingUntil: until,
    })
    expect(await breakingBar('/en/')).toContain(story.headline)
    expect(await breakingBar('/en/news/')).toContain(story.headline)
    expect(await breakingBar('/ar/')).not.toContain(story.headline)

    clock.advance(30 * 60_000 + 1000)
    expect(await breakingBar('/en/news/')).not.toContain(story.headline)
  })

  it('shows a renamed section in every navigation once the change is recorded', async () => {
    const db = store().db
    const section = await db
      .selectFrom('sectionTranslations')
      .select(['sectionId', 'name'])
      .where('language', '=', 'en')
      .orderBy('sectionId')
      .executeTakeFirstOrThrow()
    const navigation = async () =>
      [...(await page('/en/')).querySelectorAll('header nav a')].map((link) => link.textContent)
    expect(await navigation()).toContain(section.name)

    await db
      .updateTable('sectionTranslations')
      .set({ name: 'Renamed desk' })
      .where('sectionId', '=', section.sectionId)
      .where('language', '=', 'en')
      .execute()
    // Written behind the newsroom's back, with no event: pages keep the frame they read.
    expect(await navigation()).toContain(section.name)

    await recordAndDeliver(db, app.newsroom.outbox, {
      entity: 'section',
      action: 'updated',
      id: section.sectionId,
      occurredAt: clock.now().toISOString(),
    })
    expect(await navigation()).toContain('Renamed desk')
    expect(await navigation()).not.toContain(section.name)
  })
})
