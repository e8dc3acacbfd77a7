import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { systemActor } from '../../../src/modules/access/actor.js'
import { siteUrls } from '../../../src/site/site-urls.js'
import { createDemoSite } from '../../helpers/demo-site.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { describeEachDatabase, type TestStore } from '../../helpers/test-databases.js'

/** A live English article whose body shows a demo gallery, and one whose body shows none. */
async function findArticles(store: TestStore) {
  const live = store.db
    .selectFrom('articles')
    .select(['id', 'bodyHtml'])
    .where('language', '=', 'en')
    .where('status', '=', 'published')
    .orderBy('id')
  const withGallery = await live.where('bodyHtml', 'like', '%data-gallery-id="%').executeTakeFirst()
  const without = await live.where('bodyHtml', 'not like', '%data-gallery-id="%').executeTakeFirst()
  if (!withGallery || !without)
    throw new Error('the demo has no article with and without a gallery')
  const galleryId = Number(/data-gallery-id="(\d+)"/.exec(withGallery.bodyHtml)?.[1])
  return { shownId: withGallery.id, otherId: without.id, galleryId }
}

describeEachDatabase('gallery changes and the page cache', (store) => {
  let app: FastifyInstance
  let admin: NewsroomClient
  beforeAll(async () => {
    app = await createDemoSite(store())
    admin = await signInAs(app, store().db, 'admin')
  })
  afterAll(async () => {
    await app.close()
  })
  const get = (url: string) => app.inject({ url })
  const pathOf = async (id: number) =>
    app.newsroom.articles.publicPathOf(await app.newsroom.articles.get(systemActor, id))
  /** Renders each page and checks the next read comes from the cache. */
  const warm = async (urls: string[]) => {
    for (const url of urls) {
      expect((await get(url)).statusCode, url).toBe(200)
      await app.newsroom.pageCache.settled()
      expect((await get(url)).headers['x-cache'], url).toBe('HIT')
    }
  }

  it('purges the pages that show a gallery when it is renamed or reordered, and only them', async () => {
    const { shownId, otherId, galleryId } = await findArticles(store())
    const shown = await pathOf(shownId)
    const untouched = [await pathOf(otherId), siteUrls.home('en'), siteUrls.home('ar')]
    expect(String((await get(shown)).headers['surrogate-key']).split(' ')).toContain(
      `g:${galleryId}`,
    )
    await warm([shown, ...untouched])

    const gallery = await admin.request({ url: `/api/admin/galleries/${galleryId}` })
    const { items } = gallery.json<{ items: { mediaId: number }[] }>()
    const renamed = await admin.request({
      method: 'PATCH',
      url: `/api/admin/galleries/${galleryId}`,
      payload: {
        title: { en: 'Renamed gallery for the cache', ar: 'معرض بعنوان جديد' },
        items: [...items].reverse().map((item, index) => ({
          mediaId: item.mediaId,
          caption: { en: `Reordered picture ${index + 1}` },
        })),
      },
    })
    expect(renamed.statusCode, renamed.body).toBe(200)

    const after = await get(shown)
    expect(after.headers['x-cache']).toBe('MISS')
    expect(after.body).toContain('Renamed gallery for the cache')
    expect(after.body).toContain('Reordered picture 1')
    for (const url of untouched) expect((await get(url)).headers['x-cache'], url).toBe('HIT')
  })

  it('announces a gallery made or deleted, and keeps the cached pages that do not show it', async () => {
    const { shownId, galleryId } = await findArticles(store())
    const shown = await pathOf(shownId)
    await warm([shown, siteUrls.home('en')])
    const seen: string[] = []
    const stop = app.newsroom.outbox.subscribe((event) => {
      if (event.entity === 'gallery') seen.push(`${event.action} ${event.id}`)
    })
    const existing = await admin.request({ url: `/api/admin/galleries/${galleryId}` })
    const mediaId = existing.json<{ items: { mediaId: number }[] }>().items[0]?.mediaId
    const created = await admin.request({
      method: 'POST',
      url: '/api/admin/galleries',
      payload: { title: { en: 'Not on any page yet' }, items: [{ mediaId }] },
    })
    expect(created.statusCode, created.body).toBe(201)
    const deleted = await admin.request({
      method: 'DELETE',
      url: `/api/admin/galleries/${created.json<{ id: number }>().id}`,
    })
    expect(deleted.statusCode, deleted.body).toBe(204)
    stop()
    const newId = created.json<{ id: number }>().id
    expect(seen).toEqual([`created ${newId}`, `deleted ${newId}`])
    for (const url of [shown, siteUrls.home('en')])
      expect((await get(url)).headers['x-cache'], url).toBe('HIT')
  })
})
