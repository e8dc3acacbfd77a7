import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { useDemoSite } from '../../helpers/demo-site.js'
import { parseHtml } from '../../helpers/html.js'

const KB = 1024

describe('page weight budgets', () => {
  const site = useDemoSite()

  async function weigh(path: string) {
    const response = await site().app.inject({ url: path })
    const page = parseHtml(response.body)
    const css = page.querySelector('link[rel="stylesheet"]')?.getAttribute('href') ?? ''
    const js = page.querySelector('script[src]')?.getAttribute('src') ?? ''
    const resources = [
      ...page.querySelectorAll('img').map((image) => image.getAttribute('src') ?? ''),
      ...page
        .querySelectorAll('script[src], link[rel="stylesheet"]')
        .map((element) => element.getAttribute('src') ?? element.getAttribute('href') ?? ''),
    ]
    return {
      page,
      htmlGzipped: gzipSync(response.body).length,
      cssBytes: (await site().app.inject({ url: css })).rawPayload.length,
      jsBytes: (await site().app.inject({ url: js })).rawPayload.length,
      resources,
    }
  }

  for (const language of ['en', 'ar']) {
    it(`keeps the ${language} article page within 30 KB of HTML gzipped, 15 KB of JS and 25 KB of CSS`, async () => {
      const row = await site()
        .store.db.selectFrom('articles')
        .select('id')
        .where('language', '=', language)
        .where('bodyHtml', 'like', '%gallery-block%')
        .executeTakeFirstOrThrow()
      const path = (await site().app.inject({ url: `/${language}/x/${row.id}` })).headers
        .location as string
      const weight = await weigh(path)
      console.log(
        `${language} article: ${(weight.htmlGzipped / KB).toFixed(1)} KB HTML gzipped, ${(weight.cssBytes / KB).toFixed(1)} KB CSS, ${(weight.jsBytes / KB).toFixed(1)} KB JS`,
      )
      expect(weight.htmlGzipped).toBeLessThanOrEqual(30 * KB)
      expect(weight.jsBytes).toBeLessThanOrEqual(15 * KB)
      expect(weight.cssBytes).toBeLessThanOrEqual(25 * KB)
    })

    it(`loads nothing from third parties and lazy-loads images below the fold on the ${language} home page`, async () => {
      const weight = await weigh(`/${language}/`)
      console.log(`${language} home: ${(weight.htmlGzipped / KB).toFixed(1)} KB HTML gzipped`)
      expect(weight.resources.filter((url) => /^(https?:)?\/\//.test(url))).toEqual([])
      const images = weight.page.querySelectorAll('img')
      expect(images[0]?.getAttribute('loading')).toBe('eager')
      expect(images[0]?.getAttribute('fetchpriority')).toBe('high')
      expect(images.slice(1).every((image) => image.getAttribute('loading') === 'lazy')).toBe(true)
    })
  }
})
