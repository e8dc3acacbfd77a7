import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { loadAssetManifest, type AssetManifest } from '../../src/site/assets/asset-manifest.js'
import { siteUrls } from '../../src/site/site-urls.js'
import { withChangedStylesheet } from '../helpers/asset-builds.js'
import { buildSiteApp, createDemoSite } from '../helpers/demo-site.js'
import { describeEachDatabase, TEST_DIALECTS } from '../helpers/test-databases.js'
import {
  assertVarnishInstalled,
  startVarnish,
  vclForBackend,
  varnishOf,
  type RunningVarnish,
} from '../helpers/varnish.js'

/** Varnish and the backend of each database's suite: the backend keeps its port across deploys. */
const PORTS = { varnish: 39_655, backend: 39_657 }

describeEachDatabase('a deploy that changes the stylesheet, behind Varnish', (store) => {
  let varnish: RunningVarnish | undefined
  let current: AssetManifest
  let next: AssetManifest
  const running: FastifyInstance[] = []
  let env: NodeJS.ProcessEnv
  let backendPort: number

  beforeAll(async () => {
    assertVarnishInstalled()
    const offset = TEST_DIALECTS.indexOf(store().dialect)
    const varnishPort = PORTS.varnish + offset
    backendPort = PORTS.backend + offset
    env = { MASTHEAD_PURGE_URL: `http://127.0.0.1:${varnishPort}/` }
    current = await loadAssetManifest()
    next = withChangedStylesheet(current, '.next-release{color:red}')
    const before = await createDemoSite(store(), env)
    running.push(before)
    await before.listen({ port: backendPort, host: '127.0.0.1' })
    varnish = await startVarnish({ vcl: vclForBackend(backendPort), port: varnishPort })
  }, 180_000)
  afterAll(async () => {
    await varnish?.stop()
    for (const app of running) await app.close()
  })
  const throughVarnish = (path: string) => {
    if (!varnish) throw new Error('varnishd is not running')
    return fetch(`${varnish.url}${path}`)
  }
  const stylesheetOf = (html: string) => /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1]

  it('keeps pages looking right until the first process of the new build purges them', async () => {
    const [before] = running
    if (!before) throw new Error('the first build is not running')
    expect(await before.newsroom.purgeEdgeOnAssetChange()).toBe('purged')
    const home = siteUrls.home('en')
    await (await throughVarnish(home)).text()
    const cached = await throughVarnish(home)
    expect(varnishOf(cached).isHit).toBe(true)
    const oldStylesheet = stylesheetOf(await cached.text())
    expect(oldStylesheet).toBe(current.url('site.css'))

    // The deploy: the old process stops, one of the new build takes its port.
    await before.close()
    running.length = 0
    const after = await buildSiteApp(store(), env, { assets: next })
    running.push(after)
    await after.listen({ port: backendPort, host: '127.0.0.1' })

    // Until the purge, Varnish still has the page naming the old stylesheet: it gets the new one.
    const stale = await throughVarnish(home)
    expect(varnishOf(stale).isHit).toBe(true)
    expect(stylesheetOf(await stale.text())).toBe(oldStylesheet)
    const oldCss = await throughVarnish(oldStylesheet ?? '')
    expect(oldCss.status).toBe(200)
    expect(oldCss.headers.get('cache-control')).toBe('public, max-age=60')
    expect(await oldCss.text()).toContain('.next-release{color:red}')

    expect(await after.newsroom.purgeEdgeOnAssetChange()).toBe('purged')
    const fresh = await throughVarnish(home)
    expect(varnishOf(fresh).isHit).toBe(false)
    const newStylesheet = stylesheetOf(await fresh.text())
    expect(newStylesheet).toBe(next.url('site.css'))
    expect(newStylesheet).not.toBe(oldStylesheet)
    const newCss = await throughVarnish(newStylesheet ?? '')
    expect(newCss.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
  })

  it('does not purge again when another process of the same build starts', async () => {
    const home = siteUrls.home('en')
    const object = varnishOf(await throughVarnish(home)).objectId
    const sibling = await buildSiteApp(store(), env, { assets: next })
    running.push(sibling)
    expect(await sibling.newsroom.purgeEdgeOnAssetChange()).toBe('unchanged')
    const again = await throughVarnish(home)
    expect(varnishOf(again).isHit).toBe(true)
    expect(varnishOf(again).objectId).toBe(object)
  })
})
