import { beforeAll, expect, it } from 'vitest'
import {
  createArticle,
  findArticleById,
  findArticleBySlug,
  findArticlesByIds,
  listBreakingArticles,
  listPublishedArticles,
  listRelatedArticles,
  listTopStories,
  listTranslations,
} from '../../../src/modules/articles/article-queries.js'
import { paragraph } from '../../../src/modules/articles/document/article-document.js'
import { findOrCreateTags } from '../../../src/modules/tags/tag-queries.js'
import {
  buildArticle,
  buildAuthor,
  buildEditions,
  buildSection,
  buildSource,
  hoursAgo,
  TEST_NOW,
} from '../../helpers/factories.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

describeEachDatabase('article queries', (store) => {
  beforeAll(async () => {
    await buildEditions(store().db)
  })

  it('stores an article with bylines, tags, related stories and notices, and reads it back whole', async () => {
    const { db } = store()
    const sectionId = await buildSection(db)
    const [authorA, authorB, sourceId] = [
      await buildAuthor(db),
      await buildAuthor(db),
      await buildSource(db),
    ]
    const tags = await findOrCreateTags(
      db,
      { language: 'en', names: ['Water', 'Drought'] },
      TEST_NOW,
    )
    const relatedId = await buildArticle(db)
    const id = await createArticle(
      db,
      {
        language: 'en',
        sectionId,
        status: 'published',
        type: 'analysis',
        headline: 'Rivers run low as the dry season starts early',
        dek: 'Engineers warn of a hard summer.',
        bodyDoc: {
          type: 'doc',
          content: [paragraph('First paragraph.'), paragraph('Second <b>paragraph</b>.')],
        },
        sourceId,
        sourceUrl: 'https://agency.example/story/1',
        authorIds: [authorB, authorA],
        tagIds: tags.map((tag) => tag.id),
        relatedArticleIds: [relatedId],
        isBreaking: true,
        breakingUntil: hoursAgo(-6),
        isFeatured: true,
        pinnedPosition: 3,
        seo: { title: 'Rivers run low' },
        publishedAt: hoursAgo(1),
        notices: [{ kind: 'correction', text: 'An earlier version misstated the river level.' }],
      },
      TEST_NOW,
    )
    const article = await findArticleById(db, id)
    expect(article).toMatchObject({
      id,
      language: 'en',
      sectionId,
      status: 'published',
      type: 'analysis',
      slug: 'rivers-run-low-as-the-dry-season-starts-early',
      excerpt: 'First paragraph. Second <b>paragraph</b>.',
      sourceId,
      isBreaking: true,
      isFeatured: true,
      pinnedPosition: 3,
      seo: { title: 'Rivers run low' },
      publishedAt: hoursAgo(1),
      createdAt: TEST_NOW.toISOString(),
      version: 1,
    })
    expect(article?.bodyHtml).toBe(
      '<p>First paragraph.</p>\n<p>Second &lt;b&gt;paragraph&lt;/b&gt;.</p>',
    )
    expect(article?.bodyDoc.content).toHaveLength(2)
    expect(article?.notices).toEqual([
      expect.objectContaining({
        kind: 'correction',
        text: 'An earlier version misstated the river level.',
      }),
    ])
    const related = await listRelatedArticles(
      db,
      { articleId: id, language: 'en', limit: 5 },
      TEST_NOW,
    )
    expect(related.map((item) => item.id)).toEqual([relatedId])
  })

  it('round-trips Arabic, mixed Arabic and English, and emoji text unchanged', async () => {
    const { db } = store()
    const headline = 'قمة «الرياض» تبحث ملف الطاقة مع Apple وiPhone 16e 🌍⚡️'
    const body = 'كَتَبَ الوَلَدُ الدرسَ — مـــدرسة ١٢٣ and 👩🏽‍🔬 in one line'
    const id = await buildArticle(db, {
      language: 'ar',
      headline,
      dek: '‏نص مع علامات اتجاه‎',
      bodyDoc: { type: 'doc', content: [paragraph(body)] },
    })
    const article = await findArticleById(db, id)
    expect(article?.headline).toBe(headline)
    expect(article?.dek).toBe('‏نص مع علامات اتجاه‎')
    expect(article?.bodyDoc).toEqual({ type: 'doc', content: [paragraph(body)] })
    expect(article?.slug).toBe('قمة-الرياض-تبحث-ملف-الطاقة-مع-apple-وiphone-16e')
    expect((await findArticleBySlug(db, 'ar', article?.slug ?? ''))?.id).toBe(id)
  })

  it('writes nothing when any part of an article fails to store', async () => {
    const { db } = store()
    const sectionId = await buildSection(db)
    const before = await listPublishedArticles(
      db,
      { language: 'en', sectionIds: [sectionId] },
      {},
      TEST_NOW,
    )
    await expect(
      createArticle(
        db,
        {
          language: 'en',
          sectionId,
          status: 'published',
          headline: 'This article must not survive',
          bodyDoc: { type: 'doc', content: [] },
          publishedAt: hoursAgo(1),
          authorIds: [999_999],
        },
        TEST_NOW,
      ),
    ).rejects.toThrow()
    const after = await listPublishedArticles(
      db,
      { language: 'en', sectionIds: [sectionId] },
      {},
      TEST_NOW,
    )
    expect(after.total).toBe(before.total)
    expect(await findArticleBySlug(db, 'en', 'this-article-must-not-survive')).toBeUndefined()
  })

  it('lists only live articles of one edition, newest first, with stable pages', async () => {
    const { db } = store()
    const sectionId = await buildSection(db)
    const sameTime = hoursAgo(2)
    const ids = [
      await buildArticle(db, { sectionId, publishedAt: hoursAgo(5) }),
      await buildArticle(db, { sectionId, publishedAt: sameTime }),
      await buildArticle(db, { sectionId, publishedAt: sameTime }),
      await buildArticle(db, { sectionId, publishedAt: hoursAgo(1) }),
      await buildArticle(db, { sectionId, publishedAt: hoursAgo(9) }),
    ]
    await buildArticle(db, { sectionId, status: 'draft', publishedAt: null })
    await buildArticle(db, { sectionId, status: 'unpublished', publishedAt: hoursAgo(3) })
    await buildArticle(db, { sectionId, status: 'published', publishedAt: hoursAgo(-2) })
    await buildArticle(db, { sectionId, language: 'ar', publishedAt: hoursAgo(1) })

    const first = await listPublishedArticles(
      db,
      { language: 'en', sectionIds: [sectionId] },
      { page: 1, pageSize: 2 },
      TEST_NOW,
    )
    const second = await listPublishedArticles(
      db,
      { language: 'en', sectionIds: [sectionId] },
      { page: 2, pageSize: 2 },
      TEST_NOW,
    )
    const third = await listPublishedArticles(
      db,
      { language: 'en', sectionIds: [sectionId] },
      { page: 3, pageSize: 2 },
      TEST_NOW,
    )
    expect(first).toMatchObject({ total: 5, pageCount: 3, page: 1, pageSize: 2 })
    const newestFirst = [ids[3], ids[2], ids[1], ids[0], ids[4]]
    expect([...first.items, ...second.items, ...third.items].map((item) => item.id)).toEqual(
      newestFirst,
    )
  })

  it('lists by section with its sub-sections, by tag, by author and by source', async () => {
    const { db } = store()
    const parent = await buildSection(db)
    const child = await buildSection(db, { parentId: parent })
    const [authorId, sourceId] = [await buildAuthor(db), await buildSource(db)]
    const [tag] = await findOrCreateTags(db, { language: 'en', names: ['Harbours'] }, TEST_NOW)
    const inParent = await buildArticle(db, { sectionId: parent, authorIds: [authorId] })
    const inChild = await buildArticle(db, { sectionId: child, tagIds: [tag?.id ?? 0], sourceId })
    const elsewhere = await buildArticle(db, { authorIds: [authorId], tagIds: [tag?.id ?? 0] })

    const ids = async (filter: Parameters<typeof listPublishedArticles>[1]) =>
      (await listPublishedArticles(db, filter, {}, TEST_NOW)).items
        .map((item) => item.id)
        .sort((a, b) => a - b)
    expect(await ids({ language: 'en', sectionIds: [parent, child] })).toEqual([inParent, inChild])
    expect(await ids({ language: 'en', tagId: tag?.id ?? 0 })).toEqual([inChild, elsewhere])
    expect(await ids({ language: 'en', authorId })).toEqual([inParent, elsewhere])
    expect(await ids({ language: 'en', sourceId })).toEqual([inChild])
    expect(await ids({ language: 'en', sourceId, excludeIds: [inChild] })).toEqual([])
  })

  it('puts pinned stories first in slot order, then recently featured ones, then the newest', async () => {
    const { db } = store()
    const newest = await buildArticle(db, { publishedAt: hoursAgo(0.1) })
    const featured = await buildArticle(db, { isFeatured: true, publishedAt: hoursAgo(30) })
    const featuredLongAgo = await buildArticle(db, {
      isFeatured: true,
      publishedAt: hoursAgo(24 * 10),
    })
    const pinnedSecond = await buildArticle(db, { pinnedPosition: 2, publishedAt: hoursAgo(40) })
    const pinnedFirst = await buildArticle(db, { pinnedPosition: 1, publishedAt: hoursAgo(50) })
    const mine = new Set([newest, featured, featuredLongAgo, pinnedSecond, pinnedFirst])
    const top = await listTopStories(db, { language: 'en', limit: 100 }, TEST_NOW)
    expect(top.map((item) => item.id).filter((id) => mine.has(id))).toEqual([
      pinnedFirst,
      pinnedSecond,
      featured,
      newest,
      featuredLongAgo,
    ])
  })

  it('shows breaking items until their breaking time runs out', async () => {
    const { db } = store()
    const current = await buildArticle(db, {
      language: 'ar',
      isBreaking: true,
      breakingUntil: hoursAgo(-1),
      publishedAt: hoursAgo(0.5),
    })
    const open = await buildArticle(db, {
      language: 'ar',
      isBreaking: true,
      breakingUntil: null,
      publishedAt: hoursAgo(0.7),
    })
    await buildArticle(db, {
      language: 'ar',
      isBreaking: true,
      breakingUntil: hoursAgo(0.2),
      publishedAt: hoursAgo(0.6),
    })
    const breaking = await listBreakingArticles(db, { language: 'ar' }, TEST_NOW)
    expect(breaking.map((item) => item.id)).toEqual([current, open])
  })

  it('finds the other language versions of a story', async () => {
    const { db } = store()
    const translationGroup = `story-${Date.now()}`
    const english = await buildArticle(db, { language: 'en', translationGroup })
    const arabic = await buildArticle(db, {
      language: 'ar',
      translationGroup,
      status: 'draft',
      publishedAt: null,
    })
    expect(await listTranslations(db, english)).toEqual([
      expect.objectContaining({ id: arabic, language: 'ar', status: 'draft' }),
    ])
    expect((await listTranslations(db, arabic)).map((item) => item.id)).toEqual([english])
    expect(await listTranslations(db, await buildArticle(db))).toEqual([])
    await expect(buildArticle(db, { language: 'en', translationGroup })).rejects.toThrow()
  })

  it('relates stories by shared tags, most shared first, after the hand-picked ones', async () => {
    const { db } = store()
    const tags = await findOrCreateTags(
      db,
      { language: 'en', names: ['Ports', 'Shipping', 'Trade routes'] },
      TEST_NOW,
    )
    const [ports, shipping, routes] = tags.map((tag) => tag.id)
    const article = await buildArticle(db, { tagIds: [ports ?? 0, shipping ?? 0, routes ?? 0] })
    const sharesOne = await buildArticle(db, { tagIds: [ports ?? 0] })
    const sharesTwo = await buildArticle(db, { tagIds: [ports ?? 0, shipping ?? 0] })
    await buildArticle(db, { tagIds: [ports ?? 0], language: 'ar' })
    const related = await listRelatedArticles(
      db,
      { articleId: article, language: 'en', limit: 5 },
      TEST_NOW,
    )
    expect(related.map((item) => item.id)).toEqual([sharesTwo, sharesOne])
    const found = await findArticlesByIds(db, [sharesOne, sharesTwo, 424242])
    expect([...found.keys()].sort((a, b) => a - b)).toEqual([sharesOne, sharesTwo])
  })
})
