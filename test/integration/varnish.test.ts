import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { systemActor } from '../../src/modules/access/actor.js'
import { siteUrls } from '../../src/site/site-urls.js'
import { createDemoSite } from '../helpers/demo-site.js'
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
})
