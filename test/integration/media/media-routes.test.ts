import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { registerErrorHandler } from '../../../src/http/error-handler.js'
import { requireDeclaredAccess } from '../../../src/http/route-access.js'
import { systemActor } from '../../../src/modules/access/actor.js'
import { createAuthor } from '../../../src/modules/authors/author-queries.js'
import { createGalleryService } from '../../../src/modules/media/gallery-service.js'
import { registerGalleryRoutes } from '../../../src/modules/media/gallery.routes.js'
import { registerMediaRoutes } from '../../../src/modules/media/media.routes.js'
import { fixedClock } from '../../../src/platform/clock.js'
import { buildArticle, buildEditions, TEST_NOW } from '../../helpers/factories.js'
import { makeImage } from '../../helpers/images.js'
import { createMediaHarness, type MediaHarness } from '../../helpers/media-harness.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

const BOUNDARY = '----masthead-test-boundary'

/** A multipart/form-data body with one file part. */
function multipartBody(filename: string, bytes: Buffer, contentType = 'application/octet-stream') {
  return Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
        `Content-Type: ${contentType}\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ])
}

describeEachDatabase('newsroom media routes', (store) => {
  let media: MediaHarness
  let app: FastifyInstance
  const declared: [string, unknown][] = []
  beforeAll(async () => {
    media = createMediaHarness(store(), { maxBytes: 64 * 1024 })
    await buildEditions(store().db)
    app = Fastify()
    requireDeclaredAccess(app)
    app.addHook('onRoute', (route) => {
      if (route.method !== 'HEAD')
        declared.push([`${String(route.method)} ${route.url}`, route.config?.access])
    })
    registerErrorHandler(app)
    // Every request acts as Masthead itself: these tests are about the routes, not sign-in.
    app.decorateRequest('actor', null)
    app.addHook('onRequest', (request, _reply, done) => {
      request.actor = systemActor
      done()
    })
    await registerMediaRoutes(app, {
      uploader: media.uploader,
      media: media.media,
      maxBytes: 64 * 1024,
    })
    registerGalleryRoutes(app, {
      galleries: createGalleryService({
        db: store().db,
        clock: fixedClock(TEST_NOW),
        outbox: media.outbox,
      }),
    })
    await app.ready()
  })
  afterAll(async () => {
    await app.close()
    media.dispose()
  })

  const upload = async (filename: string, bytes: Buffer) =>
    app.inject({
      method: 'POST',
      url: '/api/admin/media',
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: multipartBody(filename, bytes, 'image/jpeg'),
    })

  it('declares a media permission on every route', () => {
    expect(Object.fromEntries(declared)).toEqual({
      'POST /api/admin/media': { permission: 'media.write' },
      'GET /api/admin/media': { permission: 'media.read' },
      'GET /api/admin/media/:id': { permission: 'media.read' },
      'GET /api/admin/media/:id/usage': { permission: 'media.read' },
      'PATCH /api/admin/media/:id': { permission: 'media.write' },
      'DELETE /api/admin/media/:id': { permission: 'media.delete' },
      'POST /api/admin/galleries': { permission: 'media.write' },
      'GET /api/admin/galleries/:id': { permission: 'media.read' },
      'PATCH /api/admin/galleries/:id': { permission: 'media.write' },
      'DELETE /api/admin/galleries/:id': { permission: 'media.delete' },
    })
  })

  it('takes a streamed multipart upload and answers the item', async () => {
    const response = await upload('street.jpg', await makeImage('webp', { width: 120, height: 80 }))
    expect(response.statusCode).toBe(201)
    const body = response.json<Record<string, unknown>>()
    expect(body).toMatchObject({
      filename: 'street.jpg',
      mimeType: 'image/webp',
      width: 120,
      height: 80,
      focalPoint: { x: 0.5, y: 0.5 },
      variants: null,
    })
    expect(body['url']).toMatch(/^\/media\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}\.webp$/)
  })

  it('answers 415, 413 and 400 for a wrong type, an oversized file and a non-multipart body', async () => {
    const text = await upload('notes.png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))
    expect([text.statusCode, text.json()]).toEqual([
      415,
      { errors: [expect.objectContaining({ code: 'MEDIA_UNSUPPORTED_TYPE', property: 'file' })] },
    ])
    const big = await upload(
      'big.jpg',
      Buffer.concat([await makeImage('jpeg'), Buffer.alloc(70 * 1024)]),
    )
    expect([big.statusCode, big.json<{ errors: { code: string }[] }>().errors[0]?.code]).toEqual([
      413,
      'MEDIA_TOO_LARGE',
    ])
    const json = await app.inject({ method: 'POST', url: '/api/admin/media', payload: { a: 1 } })
    expect(json.statusCode).toBe(400)
    expect(media.temporaryFiles()).toEqual([])
  })

  it('edits alt text and caption per language, credit and focal point', async () => {
    const { id } = (await upload('edit.png', await makeImage('png', { color: '#336699' }))).json<{
      id: number
    }>()
    const response = await app.inject({
      method: 'PATCH',
      url: `/api/admin/media/${id}`,
      payload: {
        alt: { en: 'Fishing boats at dawn', ar: 'قوارب صيد عند الفجر' },
        caption: { en: 'The harbour of Tyre' },
        credit: 'Photo Desk',
        focalPoint: { x: 0.25, y: 0.75 },
      },
    })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({
      alt: { en: 'Fishing boats at dawn', ar: 'قوارب صيد عند الفجر' },
      caption: { en: 'The harbour of Tyre' },
      credit: 'Photo Desk',
      focalPoint: { x: 0.25, y: 0.75 },
    })
    const bad = await app.inject({
      method: 'PATCH',
      url: `/api/admin/media/${id}`,
      payload: { focalPoint: { x: 2, y: 0 } },
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json<{ errors: { property: string }[] }>().errors[0]?.property).toBe('focalPoint.x')
    const missing = await app.inject({
      method: 'PATCH',
      url: '/api/admin/media/99999',
      payload: {},
    })
    expect(missing.statusCode).toBe(404)
  })

  it('refuses to delete media an article, a gallery or an author uses, saying where', async () => {
    const db = store().db
    const upload1 = async (color: string) =>
      (await upload(`${color}.png`, await makeImage('png', { color }))).json<{ id: number }>().id
    const [hero, body, inGallery, avatar, seo] = await Promise.all(
      ['#110000', '#001100', '#000011', '#111100', '#110011'].map(upload1),
    )
    const heroArticle = await buildArticle(db, { heroMediaId: hero })
    const bodyArticle = await buildArticle(db, {
      bodyDoc: {
        type: 'doc',
        content: [
          {
            type: 'image',
            attrs: { mediaId: body ?? 0, src: '/media/x', alt: '', width: 64, height: 48 },
          },
        ],
      },
    })
    const seoArticle = await buildArticle(db, { seo: { imageMediaId: seo } })
    const gallery = await app.inject({
      method: 'POST',
      url: '/api/admin/galleries',
      payload: { title: { en: 'Harbour' }, items: [{ mediaId: inGallery }] },
    })
    expect(gallery.statusCode).toBe(201)
    const author = await createAuthor(
      db,
      { slug: `snapper-${avatar}`, name: { en: 'Snapper' }, avatarMediaId: avatar },
      TEST_NOW,
    )

    const expectations: [number | undefined, string][] = [
      [hero, `articleHero ${heroArticle}`],
      [body, `articleBody ${bodyArticle}`],
      [seo, `articleSeo ${seoArticle}`],
      [inGallery, `gallery ${gallery.json<{ id: number }>().id}`],
      [avatar, `authorAvatar ${author}`],
    ]
    for (const [id, where] of expectations) {
      const response = await app.inject({ method: 'DELETE', url: `/api/admin/media/${id}` })
      expect(response.statusCode).toBe(409)
      const error = response.json<{ errors: { code: string; message: string }[] }>().errors[0]
      expect(error?.code).toBe('MEDIA_IN_USE')
      expect(error?.message).toContain(where)
    }
    const usage = await app.inject({ method: 'GET', url: `/api/admin/media/${hero}/usage` })
    expect(usage.json()).toEqual({
      usage: [{ kind: 'articleHero', id: heroArticle, label: expect.any(String) as string }],
    })
  })

  it('deletes unused media with its files', async () => {
    const created = (await upload('gone.png', await makeImage('png', { color: '#123456' }))).json<{
      id: number
      url: string
    }>()
    await media.variantJob.handle({ mediaId: created.id })
    const before = media.mediaFiles().length
    const response = await app.inject({ method: 'DELETE', url: `/api/admin/media/${created.id}` })
    expect(response.statusCode).toBe(204)
    expect(await media.storage.has(created.url.replace('/media/', ''))).toBe(false)
    expect(media.mediaFiles().length).toBeLessThan(before)
    const again = await app.inject({ method: 'GET', url: `/api/admin/media/${created.id}` })
    expect(again.statusCode).toBe(404)
  })

  it('creates, reorders and deletes galleries with their own captions and credits', async () => {
    const ids = await Promise.all(
      ['#a00000', '#00a000', '#0000a0'].map(
        async (color) =>
          (await upload(`${color}.png`, await makeImage('png', { color }))).json<{ id: number }>()
            .id,
      ),
    )
    const created = await app.inject({
      method: 'POST',
      url: '/api/admin/galleries',
      payload: {
        title: { en: 'Flood', ar: 'الفيضان' },
        items: ids.map((mediaId, index) => ({
          mediaId,
          caption: { en: `Picture ${index}` },
          credit: `Agency ${index}`,
        })),
      },
    })
    expect(created.statusCode).toBe(201)
    const { id } = created.json<{ id: number }>()
    const reordered = await app.inject({
      method: 'PATCH',
      url: `/api/admin/galleries/${id}`,
      payload: {
        items: [
          { mediaId: ids[2], caption: { en: 'Picture 2' }, credit: 'Agency 2' },
          { mediaId: ids[0] },
        ],
      },
    })
    expect(reordered.statusCode).toBe(200)
    expect(reordered.json()).toMatchObject({
      title: { en: 'Flood', ar: 'الفيضان' },
      items: [
        { mediaId: ids[2], position: 0, caption: { en: 'Picture 2' }, credit: 'Agency 2' },
        { mediaId: ids[0], position: 1, caption: null, credit: null },
      ],
    })
    const unknown = await app.inject({
      method: 'PATCH',
      url: `/api/admin/galleries/${id}`,
      payload: { items: [{ mediaId: 987654 }] },
    })
    expect(unknown.json<{ errors: { property: string }[] }>().errors[0]?.property).toBe(
      'items.0.mediaId',
    )
    await buildArticle(store().db, { heroGalleryId: id })
    const refused = await app.inject({ method: 'DELETE', url: `/api/admin/galleries/${id}` })
    expect(refused.statusCode).toBe(409)
  })
})
