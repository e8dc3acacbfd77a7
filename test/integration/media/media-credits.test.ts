import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { buildSiteApp } from '../../helpers/demo-site.js'
import { buildArticle, buildEditions, buildSection } from '../../helpers/factories.js'
import { parseHtml } from '../../helpers/html.js'
import { makeImage } from '../../helpers/images.js'
import { createMediaHarness, type MediaHarness } from '../../helpers/media-harness.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

const ENGLISH_CREDIT = 'Hani Mourad / Masthead'
const ARABIC_CREDIT = 'هاني مراد / ماستهد'
const ONE_CREDIT = 'Masthead illustration'

interface MediaAnswer {
  credit: string | null
  creditByLanguage: Record<string, string>
}

describeEachDatabase('photo credits in the words of each edition', (store) => {
  let media: MediaHarness
  let app: FastifyInstance
  let editor: NewsroomClient
  let translatedId = 0
  let plainId = 0
  const articles = { arabic: 0, english: 0, arabicWithoutForm: 0 }

  const edit = (id: number, payload: object) =>
    editor.request({ method: 'PATCH', url: `/api/admin/media/${id}`, payload })

  beforeAll(async () => {
    const db = store().db
    media = createMediaHarness(store())
    await buildEditions(db)
    const translated = await media.upload(await makeImage('jpeg', { width: 800, height: 450 }))
    const plain = await media.upload(await makeImage('png', { width: 800, height: 450 }))
    translatedId = translated.id
    plainId = plain.id
    const sectionId = await buildSection(db)
    articles.arabic = await buildArticle(db, {
      language: 'ar',
      sectionId,
      heroMediaId: translatedId,
    })
    articles.english = await buildArticle(db, { sectionId, heroMediaId: translatedId })
    articles.arabicWithoutForm = await buildArticle(db, {
      language: 'ar',
      sectionId,
      heroMediaId: plainId,
    })
    app = await buildSiteApp(store(), { MASTHEAD_DATA_DIR: media.dataDir })
    editor = await signInAs(app, db, 'editor')
  })
  afterAll(async () => {
    await app.close()
    media.dispose()
  })

  /** The hero's credit as the article's page shows it. */
  const heroCredit = async (language: string, id: number) => {
    const found = await app.inject({ url: `/${language}/x/${id}` })
    const page = await app.inject({ url: found.headers.location as string })
    expect(page.statusCode).toBe(200)
    return parseHtml(page.body).querySelector('.article__hero .credit bdi')?.textContent
  }

  it('stores a credit per language through the Admin API beside the one credit', async () => {
    const saved = await edit(translatedId, {
      credit: ENGLISH_CREDIT,
      creditByLanguage: { ar: ARABIC_CREDIT },
    })
    expect(saved.statusCode).toBe(200)
    expect(saved.json<MediaAnswer>()).toMatchObject({
      credit: ENGLISH_CREDIT,
      creditByLanguage: { ar: ARABIC_CREDIT },
    })
    expect((await edit(plainId, { credit: ONE_CREDIT })).statusCode).toBe(200)
    const read = await editor.request({ url: `/api/admin/media/${translatedId}` })
    expect(read.json<MediaAnswer>().creditByLanguage).toEqual({ ar: ARABIC_CREDIT })
  })

  it('shows the Arabic credit on an Arabic page and the English one on an English page', async () => {
    expect(await heroCredit('ar', articles.arabic)).toBe(ARABIC_CREDIT)
    expect(await heroCredit('en', articles.english)).toBe(ENGLISH_CREDIT)
  })

  it('falls back to the one credit for a picture without an Arabic form', async () => {
    expect(await heroCredit('ar', articles.arabicWithoutForm)).toBe(ONE_CREDIT)
  })

  it('gives each edition’s feed its own credit', async () => {
    const arabic = (await app.inject({ url: '/ar/rss.xml' })).body
    expect(arabic).toContain(`>${ARABIC_CREDIT}</media:credit>`)
    expect(arabic).not.toContain(ENGLISH_CREDIT)
    expect((await app.inject({ url: '/en/rss.xml' })).body).toContain(
      `>${ENGLISH_CREDIT}</media:credit>`,
    )
  })

  it('keeps the other forms on an edit, and an emptied form gives way to the one credit', async () => {
    await edit(translatedId, { creditByLanguage: { fr: 'Hani Mourad / Masthead (fr)' } })
    const emptied = await edit(translatedId, { creditByLanguage: { ar: '' } })
    expect(emptied.json<MediaAnswer>().creditByLanguage).toEqual({
      fr: 'Hani Mourad / Masthead (fr)',
    })
    expect(await heroCredit('ar', articles.arabic)).toBe(ENGLISH_CREDIT)
  })

  it('refuses a credit too long for any language, naming its field', async () => {
    const refused = await edit(translatedId, { creditByLanguage: { ar: 'ا'.repeat(301) } })
    expect(refused.statusCode).toBe(400)
    expect(refused.json<{ errors: { property?: string }[] }>().errors[0]?.property).toBe(
      'creditByLanguage.ar',
    )
  })

  it('finds a picture in the library by its Arabic credit', async () => {
    await edit(plainId, { creditByLanguage: { ar: 'رسم توضيحي من ماستهد' } })
    const found = await editor.request({
      url: `/api/admin/media?q=${encodeURIComponent('توضيحي')}`,
    })
    expect(found.json<{ items: { id: number }[] }>().items.map((item) => item.id)).toEqual([
      plainId,
    ])
  })
})
