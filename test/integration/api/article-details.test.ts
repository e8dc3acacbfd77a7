import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildAuthor, buildEditions, buildSection, buildSource } from '../../helpers/factories.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

interface ArticleBody {
  id: number
  version: number
  authors: { id: number }[]
  source: { id: number } | null
  sourceUrl: string | null
  seo: Record<string, unknown>
  isBreaking: boolean
  isFeatured: boolean
  pinnedPosition: number | null
}

describeEachDatabase('the details the editor keeps around the body', (store) => {
  let app: FastifyInstance
  let editor: NewsroomClient
  let sectionId: number

  beforeAll(async () => {
    await buildEditions(store().db)
    sectionId = await buildSection(store().db)
    app = await createTestApp(store())
    editor = await signInAs(app, store().db, 'editor')
  })
  afterAll(() => app.close())

  async function create(): Promise<ArticleBody> {
    const response = await editor.request({
      method: 'POST',
      url: '/api/admin/articles',
      payload: {
        language: 'en',
        headline: 'Tram line survey',
        body: '<p>Text.</p>',
        section: sectionId,
      },
    })
    expect(response.statusCode, response.body).toBe(201)
    return response.json<ArticleBody>()
  }

  it('saves bylines, source, placement and the search and social overrides', async () => {
    const [first, second, source] = [
      await buildAuthor(store().db),
      await buildAuthor(store().db),
      await buildSource(store().db),
    ]
    const article = await create()
    const seo = {
      title: 'Tram survey, for search',
      description: 'What riders said',
      socialTitle: 'Riders on the tram line',
      socialDescription: 'A short survey',
    }
    const response = await editor.request({
      method: 'PATCH',
      url: `/api/admin/articles/${article.id}`,
      payload: {
        baseVersion: article.version,
        authors: [second, first],
        source,
        sourceUrl: 'https://agency.example/item/1',
        seo,
        isBreaking: true,
        isFeatured: true,
        pinnedPosition: 3,
      },
    })
    expect(response.statusCode, response.body).toBe(200)
    const saved = response.json<ArticleBody>()
    expect(saved.authors.map((author) => author.id)).toEqual([second, first])
    expect(saved.source?.id).toBe(source)
    expect(saved).toMatchObject({
      sourceUrl: 'https://agency.example/item/1',
      seo,
      isBreaking: true,
      isFeatured: true,
      pinnedPosition: 3,
    })
  })

  it('names the wrong field, inside the overrides too', async () => {
    const article = await create()
    const propertyOf = async (payload: Record<string, unknown>) => {
      const response = await editor.request({
        method: 'PATCH',
        url: `/api/admin/articles/${article.id}`,
        payload,
      })
      expect(response.statusCode).toBe(400)
      return response.json<{ errors: { property?: string }[] }>().errors[0]?.property
    }
    expect(await propertyOf({ seo: { socialTitle: 'x'.repeat(201) } })).toBe('seo.socialTitle')
    expect(await propertyOf({ sourceUrl: 'javascript:alert(1)' })).toBe('sourceUrl')
    expect(await propertyOf({ pinnedPosition: 21 })).toBe('pinnedPosition')
  })

  it('lists revisions with the name of who saved each', async () => {
    const article = await create()
    await editor.request({
      method: 'PATCH',
      url: `/api/admin/articles/${article.id}`,
      payload: { baseVersion: article.version, dek: 'A new dek' },
    })
    const response = await editor.request({
      method: 'GET',
      url: `/api/admin/articles/${article.id}/revisions`,
    })
    const { items } = response.json<{ items: { number: number; userName: string | null }[] }>()
    expect(items.map((item) => item.number)).toEqual([2, 1])
    expect(items.every((item) => item.userName === 'Test editor')).toBe(true)
  })
})
