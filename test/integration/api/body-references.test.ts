import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { ArticleDocument } from '../../../src/modules/articles/document/article-document.js'
import { paragraph } from '../../../src/modules/articles/document/article-document.js'
import { createGallery } from '../../../src/modules/media/gallery-queries.js'
import { createMediaItem } from '../../../src/modules/media/media-queries.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildArticle, buildEditions, buildSection, TEST_NOW } from '../../helpers/factories.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

const image = (mediaId: number) => ({
  type: 'image' as const,
  attrs: { mediaId, src: `/media/${mediaId}.png`, alt: 'A picture', width: 64, height: 48 },
})
const EMBED = {
  type: 'embed' as const,
  attrs: { url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', provider: 'youtube' },
}

describeEachDatabase('what article and page bodies show, kept as rows', (store) => {
  let app: FastifyInstance
  let admin: NewsroomClient
  let sectionId: number

  beforeAll(async () => {
    await buildEditions(store().db)
    sectionId = await buildSection(store().db)
    app = await createTestApp(store())
    admin = await signInAs(app, store().db, 'admin')
  })
  afterAll(() => app.close())

  const newMedia = (name: string) =>
    createMediaItem(
      store().db,
      {
        storageKey: `refs/${name}.png`,
        originalFilename: `${name}.png`,
        mimeType: 'image/png',
        sizeBytes: 100,
        width: 64,
        height: 48,
        alt: { en: name },
        caption: {},
      },
      TEST_NOW,
    )

  const rowsOf = (articleId: number) =>
    store()
      .db.selectFrom('articleReferences')
      .select(['position', 'kind', 'targetId', 'url', 'provider'])
      .where('articleId', '=', articleId)
      .orderBy('position')
      .execute()

  const usageOf = async (mediaId: number) => {
    const response = await admin.request({ url: `/api/admin/media/${mediaId}/usage` })
    expect(response.statusCode, response.body).toBe(200)
    return response.json<{ usage: { kind: string; id: number }[] }>().usage
  }

  async function createArticle(bodyDoc: ArticleDocument): Promise<{ id: number; version: number }> {
    const response = await admin.request({
      method: 'POST',
      url: '/api/admin/articles',
      payload: { language: 'en', headline: 'Harbour works', bodyDoc, section: sectionId },
    })
    expect(response.statusCode, response.body).toBe(201)
    return response.json<{ id: number; version: number }>()
  }

  it('writes a row for each image, gallery, related story and embed of a new body', async () => {
    const mediaId = await newMedia('quay')
    const galleryId = await createGallery(
      store().db,
      { title: { en: 'The quay' }, items: [{ mediaId }] },
      TEST_NOW,
    )
    const relatedId = await buildArticle(store().db)
    const article = await createArticle({
      type: 'doc',
      content: [
        paragraph('The harbour reopens.'),
        image(mediaId),
        { type: 'gallery', attrs: { galleryId } },
        { type: 'relatedArticle', attrs: { articleId: relatedId, headline: 'Earlier', url: '/' } },
        EMBED,
      ],
    })
    expect(await rowsOf(article.id)).toEqual([
      { position: 0, kind: 'media', targetId: mediaId, url: null, provider: null },
      { position: 1, kind: 'gallery', targetId: galleryId, url: null, provider: null },
      { position: 2, kind: 'article', targetId: relatedId, url: null, provider: null },
      { position: 3, kind: 'embed', targetId: null, url: EMBED.attrs.url, provider: 'youtube' },
    ])
    const refused = await admin.request({
      method: 'DELETE',
      url: `/api/admin/galleries/${galleryId}`,
    })
    expect(refused.statusCode).toBe(409)
    expect(refused.body).toContain(`article ${article.id}`)
  })

  it('replaces the rows when the body changes, and keeps them when only other fields do', async () => {
    const [first, second] = [await newMedia('first'), await newMedia('second')]
    const article = await createArticle({ type: 'doc', content: [image(first), EMBED] })
    expect(await usageOf(first)).toEqual([
      { kind: 'articleBody', id: article.id, label: 'Harbour works' },
    ])

    const renamed = await admin.request({
      method: 'PATCH',
      url: `/api/admin/articles/${article.id}`,
      payload: { baseVersion: article.version, headline: 'Harbour works resume' },
    })
    expect(renamed.statusCode, renamed.body).toBe(200)
    expect((await rowsOf(article.id)).map((row) => row.kind)).toEqual(['media', 'embed'])

    const edited = await admin.request({
      method: 'PATCH',
      url: `/api/admin/articles/${article.id}`,
      payload: {
        baseVersion: renamed.json<{ version: number }>().version,
        bodyDoc: { type: 'doc', content: [paragraph('New lead.'), image(second)] },
      },
    })
    expect(edited.statusCode, edited.body).toBe(200)
    expect(await rowsOf(article.id)).toEqual([
      { position: 0, kind: 'media', targetId: second, url: null, provider: null },
    ])
    expect(await usageOf(first)).toEqual([])
    expect(await usageOf(second)).toEqual([
      { kind: 'articleBody', id: article.id, label: 'Harbour works resume' },
    ])
    const refused = await admin.request({ method: 'DELETE', url: `/api/admin/media/${second}` })
    expect(refused.statusCode).toBe(409)
    expect(refused.json<{ errors: { code: string }[] }>().errors[0]?.code).toBe('MEDIA_IN_USE')
  })

  it('reports a page body that shows an image, from the page rows', async () => {
    const mediaId = await newMedia('about')
    const created = await admin.request({
      method: 'POST',
      url: '/api/admin/pages',
      payload: {
        language: 'en',
        slug: 'about-the-harbour',
        title: 'About the harbour',
        status: 'draft',
        bodyDoc: { type: 'doc', content: [image(mediaId)] },
      },
    })
    expect(created.statusCode, created.body).toBe(201)
    const { id } = created.json<{ id: number }>()
    expect(await usageOf(mediaId)).toEqual([{ kind: 'pageBody', id, label: 'About the harbour' }])

    const edited = await admin.request({
      method: 'PATCH',
      url: `/api/admin/pages/${id}`,
      payload: { bodyDoc: { type: 'doc', content: [paragraph('No picture now.')] } },
    })
    expect(edited.statusCode, edited.body).toBe(200)
    expect(await usageOf(mediaId)).toEqual([])
  })

  it('drops the rows with their article', async () => {
    const mediaId = await newMedia('gone')
    const article = await createArticle({ type: 'doc', content: [image(mediaId)] })
    await store().db.deleteFrom('articles').where('id', '=', article.id).execute()
    expect(await rowsOf(article.id)).toEqual([])
    expect(await usageOf(mediaId)).toEqual([])
  })
})
