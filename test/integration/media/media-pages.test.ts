import type { FastifyInstance } from 'fastify'
import sharp from 'sharp'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildSiteApp } from '../../helpers/demo-site.js'
import { buildArticle, buildEditions } from '../../helpers/factories.js'
import { parseHtml } from '../../helpers/html.js'
import { makeImage } from '../../helpers/images.js'
import { createMediaHarness, type MediaHarness } from '../../helpers/media-harness.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

describeEachDatabase('responsive images on the public site', (store) => {
  let media: MediaHarness
  let app: FastifyInstance
  let withVariants = ''
  let withoutVariants = ''
  let originalPath = ''

  beforeAll(async () => {
    const db = store().db
    media = createMediaHarness(store())
    await buildEditions(db)
    const hero = await media.upload(await makeImage('jpeg', { width: 2400, height: 1350 }), 'h.jpg')
    const body = await media.upload(
      await makeImage('png', { width: 1000, height: 800, color: '#406080' }),
      'b.png',
    )
    const fresh = await media.upload(
      await makeImage('webp', { width: 900, height: 600, color: '#804060' }),
      'f.webp',
    )
    await media.media.update(media.context, hero.id, { alt: { en: 'The hero' } })
    await media.variantJob.handle({ mediaId: hero.id })
    await media.variantJob.handle({ mediaId: body.id })
    originalPath = `/media/${fresh.storageKey}`
    const bodyImage = {
      type: 'image' as const,
      attrs: {
        mediaId: body.id,
        src: `/media/${body.storageKey}`,
        alt: 'A chart',
        width: 1000,
        height: 800,
      },
    }
    const first = await buildArticle(db, {
      heroMediaId: hero.id,
      bodyDoc: { type: 'doc', content: [bodyImage] },
    })
    const second = await buildArticle(db, { heroMediaId: fresh.id })
    app = await buildSiteApp(store(), { MASTHEAD_DATA_DIR: media.dataDir })
    const pathOf = async (id: number) =>
      (await app.inject({ url: `/en/x/${id}` })).headers.location as string
    withVariants = await pathOf(first)
    withoutVariants = await pathOf(second)
  })
  afterAll(async () => {
    await app.close()
    media.dispose()
  })

  const page = async (url: string) => {
    const response = await app.inject({ url })
    expect(response.statusCode).toBe(200)
    return parseHtml(response.body)
  }

  it('gives the lead image AVIF, WebP and JPEG sources, loaded eagerly with high priority', async () => {
    const document = await page(withVariants)
    const sources = document.querySelectorAll('.article__hero picture source')
    expect(sources.map((source) => source.getAttribute('type'))).toEqual([
      'image/avif',
      'image/webp',
    ])
    expect(sources[0]?.getAttribute('srcset')?.match(/ \d+w/g)).toEqual([
      ' 320w',
      ' 640w',
      ' 960w',
      ' 1280w',
      ' 1920w',
    ])
    const img = document.querySelector('.article__hero picture img')
    expect(img?.getAttribute('srcset')).toContain('.jpg 1920w')
    expect(img?.getAttribute('sizes')).toBeTruthy()
    expect([img?.getAttribute('width'), img?.getAttribute('height')]).toEqual(['2400', '1350'])
    expect(img?.getAttribute('loading')).toBe('eager')
    expect(img?.getAttribute('fetchpriority')).toBe('high')
    expect(img?.getAttribute('alt')).toBe('The hero')
  })

  it('gives body images sources and lazy loading, and every image a width and height', async () => {
    const document = await page(withVariants)
    const figure = document.querySelector('figure.image')
    expect(figure?.querySelectorAll('picture source')).toHaveLength(2)
    const img = figure?.querySelector('img')
    expect(img?.getAttribute('loading')).toBe('lazy')
    expect(img?.getAttribute('alt')).toBe('A chart')
    expect(img?.getAttribute('srcset')).toMatch(/\.jpg 320w, .*\.jpg 960w$/)
    for (const image of document.querySelectorAll('img')) {
      expect(image.getAttribute('width')).toMatch(/^\d+$/)
      expect(image.getAttribute('height')).toMatch(/^\d+$/)
    }
  })

  it('announces the 1200×630 focal crop as the social image', async () => {
    const document = await page(withVariants)
    const meta = (property: string) =>
      document.querySelector(`meta[property="${property}"]`)?.getAttribute('content')
    expect(meta('og:image:width')).toBe('1200')
    expect(meta('og:image:height')).toBe('630')
    const path = new URL(meta('og:image') ?? '').pathname
    const social = await app.inject({ url: path })
    expect((await sharp(social.rawPayload).metadata()).width).toBe(1200)
  })

  it('serves the original until the variants exist', async () => {
    const document = await page(withoutVariants)
    expect(document.querySelector('.article__hero picture')).toBeNull()
    const img = document.querySelector('.article__hero img')
    expect(img?.getAttribute('src')).toBe(originalPath)
    expect(img?.getAttribute('srcset')).toBeUndefined()
    expect([img?.getAttribute('width'), img?.getAttribute('height')]).toEqual(['900', '600'])
  })

  it('serves media files with immutable caching and their type', async () => {
    const document = await page(withVariants)
    const avif = document
      .querySelector('.article__hero source[type="image/avif"]')
      ?.getAttribute('srcset')
      ?.split(' ')[0]
    const response = await app.inject({ url: avif ?? '' })
    expect(response.statusCode).toBe(200)
    expect(response.headers['content-type']).toBe('image/avif')
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it('answers 404 to every path that tries to leave the media folder', async () => {
    const key = originalPath.slice('/media/'.length)
    const attempts = [
      '/media/../../etc/passwd',
      '/media/..%2f..%2f..%2fetc%2fpasswd',
      '/media/%2e%2e/%2e%2e/etc/passwd',
      '/media/%252e%252e%252fetc%252fpasswd',
      '/media/..\\..\\etc\\passwd',
      '/media/....//....//etc/passwd',
      `/media/${key}/../../../../package.json`,
      `/media/${key.slice(0, 6)}..%2f..%2f..%2fpackage.json`,
      '/media//etc/passwd',
      '/media/%00',
      `/media/${key}%00.png`,
      '/media/ab/cd/' + 'a'.repeat(64) + '.jpg',
      '/media/../masthead.sqlite',
      '/media/..%2fmasthead.sqlite',
      '/media/..%2ftmp%2fuploads',
    ]
    for (const url of attempts) {
      const response = await app.inject({ url })
      expect([url, response.statusCode]).toEqual([url, 404])
      expect(response.headers['content-type']).not.toMatch(/^image\//)
    }
  })
})
