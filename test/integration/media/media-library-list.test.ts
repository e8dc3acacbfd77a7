import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerErrorHandler } from '../../../src/http/error-handler.js'
import { systemActor } from '../../../src/modules/access/actor.js'
import { registerMediaRoutes } from '../../../src/modules/media/media.routes.js'
import { makeImage, type ImageFormat } from '../../helpers/images.js'
import { createMediaHarness, type MediaHarness } from '../../helpers/media-harness.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

interface ListAnswer {
  items: { id: number; filename: string; mimeType: string }[]
  page: number
  pageSize: number
  total: number
  pageCount: number
}

describeEachDatabase('the media library list', (store) => {
  let media: MediaHarness
  let app: FastifyInstance
  const ids: Record<string, number> = {}

  beforeAll(async () => {
    media = createMediaHarness(store())
    app = Fastify()
    registerErrorHandler(app)
    // Every request acts as Masthead itself: these tests are about the list, not sign-in.
    app.decorateRequest('actor', null)
    app.addHook('onRequest', (request, _reply, done) => {
      request.actor = systemActor
      done()
    })
    await registerMediaRoutes(app, { uploader: media.uploader, media: media.media, maxBytes: 1e6 })
    await app.ready()
    const uploads: [string, ImageFormat, string][] = [
      ['harbour-dawn.jpg', 'jpeg', '#102030'],
      ['market.png', 'png', '#203010'],
      ['stadium.webp', 'webp', '#301020'],
      ['fishing-boats.jpg', 'jpeg', '#405060'],
      ['olive-grove.gif', 'gif', '#506040'],
    ]
    for (const [name, format, color] of uploads)
      ids[name] = (await media.upload(await makeImage(format, { color }), name)).id
    await media.media.update(media.context, ids['market.png'] ?? 0, {
      alt: { en: 'Stalls of spices under awnings', ar: 'أكشاك التوابل تحت المظلات' },
    })
    await media.media.update(media.context, ids['stadium.webp'] ?? 0, {
      caption: { en: 'The 2024 final, second half', ar: 'نهائي 2024، الشوط الثاني' },
    })
    await media.media.update(media.context, ids['fishing-boats.jpg'] ?? 0, {
      credit: 'Lina Haddad / Coast Desk',
    })
  })
  afterAll(async () => {
    await app.close()
    media.dispose()
  })

  const list = async (query: string) => {
    const response = await app.inject({ method: 'GET', url: `/api/admin/media?${query}` })
    return { status: response.statusCode, body: response.json<ListAnswer>() }
  }
  const names = (answer: ListAnswer) => answer.items.map((item) => item.filename)

  it('lists every item newest first, with what a pager needs', async () => {
    const { status, body } = await list('')
    expect(status).toBe(200)
    expect(names(body)).toEqual([
      'olive-grove.gif',
      'fishing-boats.jpg',
      'stadium.webp',
      'market.png',
      'harbour-dawn.jpg',
    ])
    expect(body).toMatchObject({ page: 1, pageSize: 20, total: 5, pageCount: 1 })
  })

  it('pages through the library', async () => {
    const second = await list('pageSize=2&page=2')
    expect(names(second.body)).toEqual(['stadium.webp', 'market.png'])
    expect(second.body).toMatchObject({ page: 2, pageSize: 2, total: 5, pageCount: 3 })
    expect(names((await list('pageSize=2&page=4')).body)).toEqual([])
  })

  describe('searching', () => {
    it('finds words in the file name, any case', async () => {
      expect(names((await list('q=HARBOUR')).body)).toEqual(['harbour-dawn.jpg'])
    })

    it('finds alt text and captions in either language', async () => {
      expect(names((await list('q=spices')).body)).toEqual(['market.png'])
      expect(names((await list(`q=${encodeURIComponent('التوابل')}`)).body)).toEqual(['market.png'])
      expect(names((await list(`q=${encodeURIComponent('الشوط')}`)).body)).toEqual(['stadium.webp'])
      expect(names((await list('q=final+2024')).body)).toEqual(['stadium.webp'])
    })

    it('finds the credit', async () => {
      expect(names((await list('q=haddad')).body)).toEqual(['fishing-boats.jpg'])
    })

    it('never matches the language keys of alt text and captions', async () => {
      expect(names((await list('q=en')).body)).toEqual([])
    })

    it('needs every word to match, and treats LIKE wildcards as plain text', async () => {
      expect(names((await list('q=harbour+market')).body)).toEqual([])
      expect((await list('q=%25')).body.total).toBe(5)
      expect(names((await list('q=_dawn')).body)).toEqual(['harbour-dawn.jpg'])
    })
  })

  it('filters by file type, with the search', async () => {
    expect(names((await list('type=jpeg')).body)).toEqual(['fishing-boats.jpg', 'harbour-dawn.jpg'])
    expect(names((await list('type=jpeg&q=coast')).body)).toEqual(['fishing-boats.jpg'])
    expect(names((await list('type=gif')).body)).toEqual(['olive-grove.gif'])
  })

  it('answers 400 naming the parameter for an unknown type or a page size over 100', async () => {
    for (const [query, property] of [
      ['type=svg', 'type'],
      ['pageSize=500', 'pageSize'],
      ['page=0', 'page'],
      ['sort=name', ''],
    ] as const) {
      const response = await app.inject({ method: 'GET', url: `/api/admin/media?${query}` })
      expect(response.statusCode).toBe(400)
      const error = response.json<{ errors: { code: string; property?: string }[] }>().errors[0]
      expect(error?.code).toBe('VALIDATION_FAILED')
      if (property) expect(error?.property).toBe(property)
    }
  })
})
