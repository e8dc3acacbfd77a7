import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { findArticleLinks } from '../../../src/modules/articles/article-updates.js'
import { buildArticle, buildEditions, nextSequence } from '../../helpers/factories.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { markRecordedChanges } from '../../helpers/recorded-changes.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

interface TagBody {
  id: number
  language: string
  name: string
  slug: string
}

const failureOf = (response: LightMyRequestResponse) => [
  response.statusCode,
  response.json<{ errors: { code: string }[] }>().errors[0]?.code,
]

describeEachDatabase('merging tags through the Admin API', (store) => {
  let app: FastifyInstance
  let editor: NewsroomClient

  beforeAll(async () => {
    await buildEditions(store().db)
    app = await createTestApp(store())
    editor = await signInAs(app, store().db, 'editor')
  })
  afterAll(() => app.close())

  async function createTag(name: string, language = 'en'): Promise<TagBody> {
    const response = await editor.request({
      method: 'POST',
      url: '/api/admin/tags',
      payload: { language, name },
    })
    return response.json<TagBody>()
  }
  const merge = (id: number, into: unknown) =>
    editor.request({ method: 'POST', url: `/api/admin/tags/${id}/merge`, payload: { into } })
  const tagIdsOf = async (articleIds: number[]) =>
    [...(await findArticleLinks(store().db, articleIds)).values()].map((links) => links.tagIds)

  it.each([
    ['en', 'Renewables', 'Renewable energy'],
    ['ar', 'طاقة متجددة', 'الطاقة المتجددة'],
  ])(
    'moves the articles of a %s tag to the kept one, keeps one tag on an article that had both, and sends its page there',
    async (language, mergedName, keptName) => {
      const n = nextSequence()
      const merged = await createTag(`${mergedName} ${n}`, language)
      const kept = await createTag(`${keptName} ${n}`, language)
      const other = await createTag(`Other ${n}`, language)
      const onlyMerged = await buildArticle(store().db, {
        language,
        tagIds: [other.id, merged.id],
      })
      const both = await buildArticle(store().db, { language, tagIds: [merged.id, kept.id] })
      const mergedPath = `/${language}/tag/${encodeURIComponent(merged.slug)}`
      expect((await app.inject({ url: mergedPath })).statusCode).toBe(200)
      const recorded = await markRecordedChanges(store().db)

      const response = await merge(merged.id, kept.id)

      expect(response.statusCode).toBe(200)
      expect(response.json()).toMatchObject({ id: kept.id, slug: kept.slug })
      expect(await tagIdsOf([onlyMerged, both])).toEqual([[other.id, kept.id], [kept.id]])
      expect(await recorded()).toEqual({
        audit: [`tag.merged tag ${merged.id} user 127.0.0.1`],
        events: [`tag.deleted ${merged.id}`, `tag.updated ${kept.id}`],
      })
      const oldPage = await app.inject({ url: mergedPath })
      expect(oldPage.statusCode).toBe(301)
      expect(oldPage.headers.location).toBe(`/${language}/tag/${encodeURIComponent(kept.slug)}`)
      const keptPage = await app.inject({ url: oldPage.headers.location })
      expect(keptPage.statusCode).toBe(200)
    },
  )

  it('sends the pages of tags merged earlier straight to the newest kept tag', async () => {
    const n = nextSequence()
    const first = await createTag(`Harbour ${n}`)
    const second = await createTag(`Harbours ${n}`)
    const kept = await createTag(`Ports ${n}`)
    expect((await merge(first.id, second.id)).statusCode).toBe(200)
    expect((await merge(second.id, kept.id)).statusCode).toBe(200)
    const oldest = await app.inject({ url: `/en/tag/${first.slug}` })
    expect([oldest.statusCode, oldest.headers.location]).toEqual([301, `/en/tag/${kept.slug}`])
  })

  it('refuses a merge into itself, into a missing tag or across editions, changing nothing', async () => {
    const n = nextSequence()
    const tag = await createTag(`Bridges ${n}`)
    const arabic = await createTag(`جسور ${n}`, 'ar')
    const article = await buildArticle(store().db, { tagIds: [tag.id] })
    const recorded = await markRecordedChanges(store().db)

    expect(failureOf(await merge(tag.id, tag.id))).toEqual([400, 'VALIDATION_FAILED'])
    expect(failureOf(await merge(tag.id, 999_999))).toEqual([404, 'NOT_FOUND'])
    expect(failureOf(await merge(999_999, tag.id))).toEqual([404, 'NOT_FOUND'])
    expect(failureOf(await merge(tag.id, arabic.id))).toEqual([400, 'VALIDATION_FAILED'])
    expect(failureOf(await merge(tag.id, 'Canals'))).toEqual([400, 'VALIDATION_FAILED'])

    expect(await recorded()).toEqual({ audit: [], events: [] })
    expect(await tagIdsOf([article])).toEqual([[tag.id]])
    expect((await app.inject({ url: `/en/tag/${tag.slug}` })).statusCode).toBe(200)
  })

  it('lets only editors merge', async () => {
    const author = await signInAs(app, store().db, 'author')
    const n = nextSequence()
    const merged = await createTag(`Ferries ${n}`)
    const kept = await createTag(`Boats ${n}`)
    const response = await author.request({
      method: 'POST',
      url: `/api/admin/tags/${merged.id}/merge`,
      payload: { into: kept.id },
    })
    expect(failureOf(response)).toEqual([403, 'FORBIDDEN'])
  })
})
