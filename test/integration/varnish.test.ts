import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { systemActor } from '../../src/modules/access/actor.js'
import { siteUrls } from '../../src/site/site-urls.js'
import { createDemoSite } from '../helpers/demo-site.js'
import { dataOf, openEventStream } from '../helpers/event-stream-client.js'
import { signInAs } from '../helpers/newsroom-client.js'
import { describeEachDatabase } from '../helpers/test-databases.js'
import {
  assertVarnishInstalled,
  freePort,
  startVarnish,
  vclForBackend,
  varnishOf,
  type RunningVarnish,
} from '../helpers/varnish.js'

describeEachDatabase('Varnish with the VCL of docs/operations.md', (store) => {
  let app: FastifyInstance
  let varnish: RunningVarnish | undefined
  beforeAll(async () => {
    assertVarnishInstalled()
    const port = await freePort()
    app = await createDemoSite(store(), { MASTHEAD_PURGE_URL: `http://127.0.0.1:${port}/` })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const backendPort = (app.server.address() as AddressInfo).port
    varnish = await startVarnish({ vcl: vclForBackend(backendPort), port })
  }, 180_000)
  afterAll(async () => {
    await varnish?.stop()
    await app?.close()
  })
  const throughVarnish = (path: string) => {
    if (!varnish) throw new Error('varnishd is not running')
    return fetch(`${varnish.url}${path}`)
  }
  const liveArticle = () =>
    store()
      .db.selectFrom('articles')
      .select('id')
      .where('language', '=', 'en')
      .where('status', '=', 'published')
      .orderBy('id')
      .executeTakeFirstOrThrow()
  const pathOf = async (id: number) => {
    const article = await app.newsroom.articles.get(systemActor, id)
    return app.newsroom.articles.publicPathOf(article)
  }

  it('stores an article page: the second read is a Varnish hit without the tag headers', async () => {
    const path = await pathOf((await liveArticle()).id)
    const first = await throughVarnish(path)
    expect(first.status).toBe(200)
    const body = await first.text()
    expect(varnishOf(first).isHit).toBe(false)
    const second = await throughVarnish(path)
    expect(second.status).toBe(200)
    expect(varnishOf(second).isHit).toBe(true)
    expect(Number(varnishOf(second).age)).toBeGreaterThanOrEqual(0)
    expect(await second.text()).toBe(body)
    for (const name of ['xkey', 'surrogate-key', 'cache-tag'])
      expect(second.headers.get(name), name).toBeNull()
  })

  it('shows an update published through the Admin API at the next read, and keeps unrelated pages', async () => {
    const { id } = await liveArticle()
    const path = await pathOf(id)
    const unrelated = siteUrls.home('ar')
    for (const url of [path, unrelated]) {
      await (await throughVarnish(url)).text()
      expect(varnishOf(await throughVarnish(url)).isHit, url).toBe(true)
    }
    const unrelatedObject = varnishOf(await throughVarnish(unrelated)).objectId

    const editor = await signInAs(app, store().db, 'editor')
    const headline = `Seen through Varnish at once ${store().dialect}`
    const saved = await editor.request({
      method: 'PATCH',
      url: `/api/admin/articles/${id}`,
      payload: { headline },
    })
    expect(saved.statusCode, saved.body).toBe(200)

    // The edge is told just after the save answers: allow it a few seconds on a busy machine.
    const deadline = Date.now() + 10_000
    let body = ''
    while (Date.now() < deadline) {
      body = await (await throughVarnish(path)).text()
      if (body.includes(headline)) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(body).toContain(headline)
    const after = await throughVarnish(unrelated)
    expect(varnishOf(after).isHit).toBe(true)
    expect(varnishOf(after).objectId, 'the unrelated page was fetched again').toBe(unrelatedObject)
  })

  it('passes the reader stream through as it comes, to several readers at once, and keeps the live page cached', async () => {
    if (!varnish) throw new Error('varnishd is not running')
    const editor = await signInAs(app, store().db, 'editor')
    const created = await editor.request({
      method: 'POST',
      url: '/api/admin/articles',
      payload: {
        language: 'en',
        type: 'live',
        headline: `Through Varnish, live ${store().dialect}`,
        body: '<p>Updates follow.</p>',
        section: 'news',
        status: 'published',
      },
    })
    expect(created.statusCode, created.body).toBe(201)
    const story = created.json<{ id: number }>()
    const path = await pathOf(story.id)
    await (await throughVarnish(path)).text()
    const cachedPage = varnishOf(await throughVarnish(path))
    expect(cachedPage.isHit).toBe(true)

    // Two readers of the same URL: Varnish would hold the second until the first one's
    // response ended, were the stream not piped.
    const streamUrl = `${varnish.url}/live/stream?lang=en&article=${story.id}`
    const readers = [await openEventStream(streamUrl), await openEventStream(streamUrl)]
    try {
      for (const reader of readers) {
        expect(reader.status).toBe(200)
        expect(reader.headers['cache-control']).toBe('no-store')
        await reader.waitFor((event) => event.type === 'breaking')
      }
      const longBody = `<p>${'A long paragraph of the count, read through the edge. '.repeat(4000)}</p>`
      const posted = await editor.request({
        method: 'POST',
        url: `/api/admin/articles/${story.id}/entries`,
        payload: { body: `<p>Seen through the edge at once</p>${longBody}` },
      })
      expect(posted.statusCode, posted.body).toBe(201)
      const entryId = posted.json<{ id: number }>().id
      for (const reader of readers) {
        const event = await reader.waitFor(
          (item) => item.type === 'entry' && dataOf(item)['id'] === entryId,
        )
        expect(dataOf<{ html: string }>(event).html).toContain('Seen through the edge at once')
      }
      // Piped, the streams' bytes go through without Varnish keeping them; fetched (passed or
      // uncacheable), each stream holds part of what it carried in transient storage
      // (about 100 KB of this entry, measured), for as long as the reader stays.
      expect(varnish.counter('SMA.Transient.g_bytes')).toBeLessThan(longBody.length / 4)
    } finally {
      for (const reader of readers) reader.close()
    }
    // The entry purged the story's page at the edge: the next read fetches it again, and the
    // one after is a hit once more.
    const deadline = Date.now() + 10_000
    let objectId = cachedPage.objectId
    while (Date.now() < deadline && objectId === cachedPage.objectId) {
      await (await throughVarnish(path)).text()
      objectId = varnishOf(await throughVarnish(path)).objectId
    }
    expect(objectId, 'the page was not purged').not.toBe(cachedPage.objectId)
    expect(varnishOf(await throughVarnish(path)).isHit).toBe(true)
  })
})
