import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { siteAssetsFolder } from '../../../src/site/assets/build-site-assets.js'
import { siteUrls } from '../../../src/site/site-urls.js'
import { TEST_SITE_URL, useDemoSite } from '../../helpers/demo-site.js'

const HASHED = /^\/assets\/[\w-]+\.[0-9a-f]{12}\.\w+$/
const onDisk = (url: string) => join(siteAssetsFolder(), url.replace('/assets/', ''))

describe('static assets', () => {
  const site = useDemoSite()
  const get = (url: string, headers: Record<string, string> = {}) =>
    site().app.inject({ url, headers })

  /** The /assets/ URLs a page and its stylesheet point at. */
  async function assetUrlsOf(path: string): Promise<string[]> {
    const html = (await get(path)).body
    const urls = [...html.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((match) => match[1])
    const css = urls.find((url) => url?.endsWith('.css'))
    if (!css) throw new Error(`${path} links no stylesheet`)
    const fonts = [...(await get(css)).body.matchAll(/url\("(\/assets\/[^"]+)"\)/g)]
    return [...new Set([...urls, ...fonts.map((match) => match[1])])].filter(
      (url): url is string => !!url,
    )
  }

  it('links pages to hashed files that exist, served for a year without revalidation', async () => {
    for (const path of [siteUrls.home('en'), siteUrls.home('ar')]) {
      const urls = await assetUrlsOf(path)
      expect(urls.some((url) => /\/site\.\w+\.js$/.test(url))).toBe(true)
      expect(urls.filter((url) => url.endsWith('.woff2'))).toHaveLength(3)
      for (const url of urls) {
        expect(url).toMatch(HASHED)
        expect(existsSync(onDisk(url)), `${url} is not in ${siteAssetsFolder()}`).toBe(true)
        const reply = await get(url)
        expect(reply.statusCode, url).toBe(200)
        expect(reply.headers['cache-control'], url).toBe('public, max-age=31536000, immutable')
        expect(reply.rawPayload.equals(readFileSync(onDisk(url))), url).toBe(true)
      }
    }
  })

  it('sends the copy compressed at build that the client accepts, else the file itself', async () => {
    const urls = await assetUrlsOf(siteUrls.home('en'))
    for (const url of urls.filter((candidate) => /\.(css|js)$/.test(candidate))) {
      const identity = await get(url)
      expect(identity.headers['vary'], url).toBe('accept-encoding')
      expect(identity.headers['content-encoding'], url).toBeUndefined()
      const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' })
      expect(br.headers['content-encoding'], url).toBe('br')
      expect(br.rawPayload.equals(readFileSync(`${onDisk(url)}.br`)), url).toBe(true)
      expect(brotliDecompressSync(br.rawPayload).equals(identity.rawPayload)).toBe(true)
      const gzip = await get(url, { 'accept-encoding': 'br;q=0, gzip' })
      expect(gzip.headers['content-encoding'], url).toBe('gzip')
      expect(gzip.rawPayload.equals(readFileSync(`${onDisk(url)}.gz`)), url).toBe(true)
      expect(gunzipSync(gzip.rawPayload).equals(identity.rawPayload)).toBe(true)
      const none = await get(url, { 'accept-encoding': 'identity' })
      expect(none.headers['content-encoding'], url).toBeUndefined()
      expect(none.rawPayload.equals(identity.rawPayload)).toBe(true)
    }
    const font = urls.find((url) => url.endsWith('.woff2')) ?? ''
    const reply = await get(font, { 'accept-encoding': 'br, gzip' })
    expect(reply.headers['content-type']).toBe('font/woff2')
    expect(reply.headers['content-encoding']).toBeUndefined()
    expect(reply.headers['vary']).toBeUndefined()
  })

  it('answers a file of another build with the current one, for a minute and not immutable', async () => {
    const urls = await assetUrlsOf(siteUrls.home('en'))
    for (const url of urls) {
      const otherBuild = url.replace(/\.[0-9a-f]{12}\./, '.000000000000.')
      const reply = await get(otherBuild, { 'accept-encoding': 'br, gzip' })
      expect(reply.statusCode, otherBuild).toBe(200)
      expect(reply.headers['cache-control'], otherBuild).toBe('public, max-age=60')
      expect(reply.headers['content-type'], otherBuild).toBe(
        (await get(url)).headers['content-type'],
      )
      const compressed = /\.(css|js)$/.test(url) ? `${onDisk(url)}.br` : onDisk(url)
      expect(reply.rawPayload.equals(readFileSync(compressed)), otherBuild).toBe(true)
    }
  })

  it('tags every cacheable response that names an asset `site`, which a deploy purges', async () => {
    const found = new Set([siteUrls.home('en'), siteUrls.home('ar'), '/sitemap.xml'])
    for (const path of [...found]) {
      const body = (await get(path)).body
      for (const [, link] of body.matchAll(/(?:href="|<loc>)([^"<]+)/g)) {
        const url = new URL(link ?? '', TEST_SITE_URL)
        if (url.origin === TEST_SITE_URL && !/^\/(assets|media)\//.test(url.pathname))
          found.add(url.pathname + url.search)
      }
    }
    const api = ['/api/v1/articles?language=en', '/api/v1/sections', '/api/v1/settings']
    const checked = { namingAssets: 0, other: 0 }
    for (const path of [...found, ...api]) {
      const reply = await get(path)
      if (!String(reply.headers['cache-control']).startsWith('public')) continue
      const tags = String(reply.headers['surrogate-key']).split(' ')
      if (reply.body.includes('/assets/')) {
        expect(tags, path).toContain('site')
        checked.namingAssets += 1
      } else checked.other += 1
    }
    // Home, sections, articles, footer pages; feeds, sitemaps and the content API name none.
    expect(checked.namingAssets).toBeGreaterThan(10)
    expect(checked.other).toBeGreaterThan(5)
  })

  it('answers 404 for names without their hash, unknown names and compressed copies by name', async () => {
    const css = (await assetUrlsOf(siteUrls.home('en'))).find((url) => url.endsWith('.css'))
    for (const url of [
      '/assets/site.css',
      '/assets/site.js',
      `${css}.br`,
      `${css}.gz`,
      '/assets/other.000000000000.css',
      '/assets/site.000000000000.css.br',
    ])
      expect((await get(url)).statusCode, url).toBe(404)
  })
})
