import { beforeAll, expect, it } from 'vitest'
import {
  createAuthor,
  findAuthorBySlug,
  listAuthors,
  listAuthorsOfArticles,
} from '../../../src/modules/authors/author-queries.js'
import {
  listEditions,
  saveEditions,
  STARTING_EDITIONS,
} from '../../../src/modules/editions/edition-queries.js'
import {
  findSectionBySlug,
  listSections,
  sectionTrail,
  sectionWithDescendantIds,
} from '../../../src/modules/sections/section-queries.js'
import {
  createSource,
  findSourceBySlug,
  findSourcesByIds,
  listSources,
} from '../../../src/modules/sources/source-queries.js'
import {
  findOrCreateTags,
  findTagBySlug,
  listTagsOfArticles,
  listTagsWithCounts,
} from '../../../src/modules/tags/tag-queries.js'
import {
  buildArticle,
  buildAuthor,
  buildEditions,
  buildSection,
  TEST_NOW,
} from '../../helpers/factories.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

describeEachDatabase('taxonomy queries', (store) => {
  beforeAll(async () => {
    await buildEditions(store().db)
  })

  it('keeps the two starting editions, with exactly one default', async () => {
    const { db } = store()
    expect(await listEditions(db)).toEqual(STARTING_EDITIONS)
    await saveEditions(db, [{ ...STARTING_EDITIONS[1]!, isDefault: true }])
    const editions = await listEditions(db)
    expect(editions.filter((edition) => edition.isDefault).map((edition) => edition.code)).toEqual([
      'ar',
    ])
    await saveEditions(db, STARTING_EDITIONS)
    expect((await listEditions(db)).find((edition) => edition.isDefault)?.code).toBe('en')
  })

  it('builds the section tree with per-language slugs, breadcrumbs and descendants', async () => {
    const { db } = store()
    const news = await buildSection(db, { slug: 'news', position: 1 })
    const world = await buildSection(db, { slug: 'world', parentId: news, position: 2 })
    const region = await buildSection(db, { slug: 'region', parentId: news, position: 1 })
    const cities = await buildSection(db, { slug: 'cities', parentId: world })
    const sections = await listSections(db)
    const order = sections.map((section) => section.id)
    expect(order.indexOf(news)).toBeLessThan(order.indexOf(region))
    expect(order.indexOf(region)).toBeLessThan(order.indexOf(world))
    expect(order.indexOf(world)).toBeLessThan(order.indexOf(cities))
    expect(
      sectionTrail(sections, cities).map((section) => section.translations['en']?.slug),
    ).toEqual(['news', 'world', 'cities'])
    expect(sectionWithDescendantIds(sections, news).sort((a, b) => a - b)).toEqual(
      [news, world, region, cities].sort((a, b) => a - b),
    )
    expect((await findSectionBySlug(db, 'ar', 'قسم-world'))?.id).toBe(world)
    expect(await findSectionBySlug(db, 'en', 'قسم-world')).toBeUndefined()
    await expect(buildSection(db, { slug: 'world' })).rejects.toThrow()
  })

  it('creates tags per edition by name once, and counts their published articles', async () => {
    const { db } = store()
    const first = await findOrCreateTags(
      db,
      { language: 'ar', names: ['الطاقة المتجددة', ' الطاقة  المتجددة ', 'المياه'] },
      TEST_NOW,
    )
    expect(first.map((tag) => tag.slug)).toEqual(['الطاقة-المتجددة', 'المياه'])
    const again = await findOrCreateTags(db, { language: 'ar', names: ['المياه'] }, TEST_NOW)
    expect(again[0]?.id).toBe(first[1]?.id)
    const english = await findOrCreateTags(db, { language: 'en', names: ['المياه'] }, TEST_NOW)
    expect(english[0]?.id).not.toBe(first[1]?.id)
    expect((await findTagBySlug(db, 'ar', 'المياه'))?.name).toBe('المياه')

    const water = first[1]!.id
    const article = await buildArticle(db, { language: 'ar', tagIds: [water, first[0]!.id] })
    await buildArticle(db, { language: 'ar', tagIds: [water], status: 'draft', publishedAt: null })
    expect((await listTagsOfArticles(db, [article])).get(article)?.map((tag) => tag.id)).toEqual([
      water,
      first[0]!.id,
    ])
    const counts = await listTagsWithCounts(db, 'ar')
    expect(counts.find((tag) => tag.id === water)?.articleCount).toBe(1)
  })

  it('stores authors with localized names and lists the bylines of articles in order', async () => {
    const { db } = store()
    const id = await createAuthor(
      db,
      {
        slug: 'sara-haddad',
        name: { en: 'Sara Haddad', ar: 'سارة حداد' },
        bio: { en: 'Covers diplomacy.' },
        links: { x: 'https://x.example/sara' },
      },
      TEST_NOW,
    )
    expect(await findAuthorBySlug(db, 'sara-haddad')).toMatchObject({
      id,
      name: { en: 'Sara Haddad', ar: 'سارة حداد' },
      bio: { en: 'Covers diplomacy.' },
      links: { x: 'https://x.example/sara' },
    })
    const second = await buildAuthor(db)
    const article = await buildArticle(db, { authorIds: [second, id] })
    expect(
      (await listAuthorsOfArticles(db, [article])).get(article)?.map((author) => author.id),
    ).toEqual([second, id])
    expect((await listAuthors(db)).some((author) => author.slug === 'sara-haddad')).toBe(true)
  })

  it('stores news agencies and finds them by slug and id', async () => {
    const { db } = store()
    const id = await createSource(
      db,
      {
        slug: 'mashriq',
        name: { en: 'Mashriq News Agency', ar: 'وكالة أنباء المشرق' },
        url: 'https://mashriq.example',
      },
      TEST_NOW,
    )
    expect((await findSourceBySlug(db, 'mashriq'))?.name['ar']).toBe('وكالة أنباء المشرق')
    expect((await findSourcesByIds(db, [id, id])).get(id)?.url).toBe('https://mashriq.example')
    expect((await listSources(db)).map((source) => source.slug)).toContain('mashriq')
  })
})
