import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createDemoSite, TEST_SITE_URL } from '../../helpers/demo-site.js'
import { jsonLdOf, parseHtml } from '../../helpers/html.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'
import { paragraph } from '../../../src/modules/articles/document/article-document.js'
import { buildArticle } from '../../helpers/factories.js'

const EDITIONS = [
  { language: 'en', direction: 'ltr', other: 'ar' },
  { language: 'ar', direction: 'rtl', other: 'en' },
] as const

describeEachDatabase('public site pages', (store) => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = await createDemoSite(store())
  })
  afterAll(async () => {
    await app.close()
  })

  const get = async (url: string) => {
    const response = await app.inject({ url })
    return { response, page: parseHtml(response.body) }
  }

  /** A live article of an edition with a translation, a source, tags and notices, by query. */
  async function findArticlePath(language: string, where: 'translated' | 'gallery' | 'notices') {
    let query = store()
      .db.selectFrom('articles')
      .select('id')
      .where('language', '=', language)
      .where('status', '=', 'published')
    if (where === 'translated')
      query = query.where('translationGroup', 'is not', null).where('sourceId', 'is not', null)
    if (where === 'gallery') query = query.where('bodyHtml', 'like', '%gallery-block%')
    if (where === 'notices')
      query = query.where('id', 'in', store().db.selectFrom('articleNotices').select('articleId'))
    const row = await query.orderBy('id').executeTakeFirstOrThrow()
    const response = await app.inject({ url: `/${language}/x/${row.id}` })
    expect(response.statusCode).toBe(301)
    return response.headers.location as string
  }

  it('redirects / to the default edition', async () => {
    const response = await app.inject({ url: '/' })
    expect(response.statusCode).toBe(302)
    expect(response.headers.location).toBe('/en/')
  })

  for (const { language, direction, other } of EDITIONS) {
    it(`renders the ${language} home page with lead, latest, sections, most read, breaking bar and footer`, async () => {
      const { response, page } = await get(`/${language}/`)
      expect(response.statusCode).toBe(200)
      expect(response.headers['cache-control']).toContain('public')
      const html = page.querySelector('html')
      expect(html?.getAttribute('lang')).toBe(language)
      expect(html?.getAttribute('dir')).toBe(direction)
      expect(page.querySelectorAll('h1')).toHaveLength(1)
      expect(page.querySelector('.card--lead .card__headline a')?.textContent).toBeTruthy()
      expect(page.querySelectorAll('.latest .card').length).toBeGreaterThanOrEqual(5)
      expect(page.querySelectorAll('.section-block').length).toBeGreaterThanOrEqual(5)
      expect(page.querySelectorAll('.most-read__list li').length).toBeGreaterThanOrEqual(3)
      expect(page.querySelectorAll('.breaking-bar li').length).toBeGreaterThanOrEqual(1)
      expect(page.querySelector('.site-nav .site-nav__children a')).not.toBeNull()
      expect(page.querySelector('.site-footer__copyright')?.textContent).toContain('2026')
      expect(page.querySelectorAll('.site-footer__social a').length).toBeGreaterThanOrEqual(2)
      expect(page.querySelector('.latest .more-link a')).not.toBeNull()
      expect(page.querySelectorAll('.site-footer__links a').length).toBeGreaterThanOrEqual(2)
      expect(page.querySelector('.language-switch')?.getAttribute('href')).toBe(`/${other}/`)
      expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
        `${TEST_SITE_URL}/${language}/`,
      )
      expect(page.querySelector('a.skip-link')?.getAttribute('href')).toBe('#main')
      for (const image of page.querySelectorAll('img')) {
        expect(image.getAttribute('width')).toBeTruthy()
        expect(image.getAttribute('height')).toBeTruthy()
      }
    })

    it(`renders a ${language} article with breadcrumb, byline, times, source, hashtags, hreflang and JSON-LD`, async () => {
      const path = await findArticlePath(language, 'translated')
      const { response, page } = await get(path)
      expect(response.statusCode).toBe(200)
      expect(response.headers['cache-control']).toContain('s-maxage=86400')
      expect(page.querySelectorAll('.breadcrumb li').length).toBe(2)
      expect(page.querySelectorAll('h1')).toHaveLength(1)
      expect(page.querySelector('.article__byline a[rel="author"]')).not.toBeNull()
      const time = page.querySelector('.article__dates time[data-relative]')
      expect(Date.parse(time?.getAttribute('datetime') ?? '')).not.toBeNaN()
      expect(time?.getAttribute('title')).toBeTruthy()
      expect(page.querySelector('.article__source a')?.textContent).toBeTruthy()
      const tags = page.querySelectorAll('.article__tags a')
      expect(tags.length).toBeGreaterThanOrEqual(1)
      expect(tags.every((tag) => tag.textContent.startsWith('#'))).toBe(true)
      const hreflangs = page
        .querySelectorAll('link[rel="alternate"][hreflang]')
        .map((link) => link.getAttribute('hreflang'))
      expect(hreflangs.sort()).toEqual(['ar', 'en', 'x-default'])
      const translation = page.querySelector('.article__translation a')
      expect(translation?.getAttribute('hreflang')).toBe(other)
      expect(page.querySelector('.language-switch')?.getAttribute('href')).toBe(
        translation?.getAttribute('href'),
      )
      expect(page.querySelector('body')?.getAttribute('data-view-url')).toMatch(
        /^\/api\/v1\/page-views\/\d+$/,
      )
      expect(response.body).toMatch(/<noscript><img src="\/api\/v1\/page-views\/\d+\.gif"/)

      const graph = jsonLdOf(page)['@graph'] ?? []
      const article = graph.find((node) => String(node['@type']).endsWith('NewsArticle'))
      expect(article).toMatchObject({
        inLanguage: language,
        mainEntityOfPage: `${TEST_SITE_URL}${path}`,
      })
      for (const field of [
        'headline',
        'image',
        'datePublished',
        'dateModified',
        'author',
        'publisher',
        'articleSection',
        'sourceOrganization',
      ]) {
        expect(article, field).toHaveProperty(field)
      }
      expect(graph.find((node) => node['@type'] === 'NewsMediaOrganization')).toHaveProperty('logo')
      expect(graph.find((node) => node['@type'] === 'BreadcrumbList')).toHaveProperty(
        'itemListElement',
      )
      expect(page.querySelector('meta[property="og:type"]')?.getAttribute('content')).toBe(
        'article',
      )
      expect(page.querySelector('meta[name="twitter:card"]')?.getAttribute('content')).toBe(
        'summary_large_image',
      )
    })

    it(`renders a ${language} gallery inside an article as a list of images with dialog labels`, async () => {
      const { page } = await get(await findArticlePath(language, 'gallery'))
      const gallery = page.querySelector('.article__body section.gallery[data-gallery]')
      expect(gallery?.getAttribute('data-label-close')).toBeTruthy()
      expect(
        gallery?.querySelectorAll('.gallery__item a.gallery__open img').length,
      ).toBeGreaterThanOrEqual(3)
      expect(gallery?.querySelector('.gallery__credit')?.textContent).toBeTruthy()
    })

    it(`shows the ${language} corrections and updates box`, async () => {
      const { page } = await get(await findArticlePath(language, 'notices'))
      expect(page.querySelectorAll('.notices li').length).toBeGreaterThanOrEqual(1)
      expect(page.querySelector('.notices time[datetime]')).not.toBeNull()
    })

    it(`lists a ${language} section with its sub-sections, a breadcrumb, pagination and a feed link`, async () => {
      const sections = await store()
        .db.selectFrom('sectionTranslations')
        .innerJoin('sections', 'sections.id', 'sectionTranslations.sectionId')
        .select(['slug', 'parentId'])
        .where('language', '=', language)
        .execute()
      const parent = sections.find((section) => section.parentId === null)
      const child = sections.find((section) => section.parentId !== null)
      const top = await get(`/${language}/${encodeURIComponent(parent?.slug ?? '')}/`)
      expect(top.response.statusCode).toBe(200)
      expect(top.page.querySelectorAll('.card').length).toBeGreaterThan(0)
      expect(top.page.querySelector('.listing-header__feed a')).not.toBeNull()
      const sub = await get(`/${language}/${encodeURIComponent(child?.slug ?? '')}/`)
      expect(sub.page.querySelectorAll('.breadcrumb li')).toHaveLength(1)
      const latest = await get(`/${language}/${encodeURIComponent(parent?.slug ?? '')}/?page=999`)
      expect(latest.response.statusCode).toBe(200)
      expect(latest.page.querySelector('.empty')).not.toBeNull()
    })

    it(`lists ${language} tag, author and source pages`, async () => {
      const tag = await store()
        .db.selectFrom('tags')
        .select('slug')
        .where('language', '=', language)
        .executeTakeFirstOrThrow()
      const tagPage = await get(`/${language}/tag/${encodeURIComponent(tag.slug)}`)
      expect(tagPage.response.statusCode).toBe(200)
      expect(tagPage.page.querySelector('h1')?.textContent.startsWith('#')).toBe(true)
      expect(
        (await get(`/${language}/author/sara-haddad`)).page.querySelectorAll('.card').length,
      ).toBeGreaterThan(0)
      expect((await get(`/${language}/source/meridian`)).response.statusCode).toBe(200)
      expect((await get(`/${language}/author/nobody-at-all`)).response.statusCode).toBe(404)
    })

    it(`serves the ${language} About and Contact pages`, async () => {
      const about = await get(`/${language}/about`)
      expect(about.response.statusCode).toBe(200)
      expect(about.page.querySelector('.static-page__body p')).not.toBeNull()
      const contact = await get(`/${language}/contact`)
      expect(
        contact.page.querySelector('form[method="post"] textarea[name="message"]'),
      ).not.toBeNull()
      expect(contact.page.querySelector('input[name="website"]')).not.toBeNull()
    })

    it(`answers unknown ${language} pages with a localized 404 that offers search and latest news`, async () => {
      const { response, page } = await get(`/${language}/no-such-section/123-nothing-here`)
      expect(response.statusCode).toBe(404)
      expect(page.querySelector('html')?.getAttribute('lang')).toBe(language)
      expect(page.querySelector('form[role="search"]')).not.toBeNull()
      expect(page.querySelectorAll('.card').length).toBeGreaterThan(0)
    })
  }

  it('answers an unknown language prefix with the default edition 404', async () => {
    const { response, page } = await get('/xx/')
    expect(response.statusCode).toBe(404)
    expect(page.querySelector('html')?.getAttribute('lang')).toBe('en')
  })

  it('redirects an old or wrong slug to the canonical article URL', async () => {
    const path = await findArticlePath('ar', 'translated')
    const id = /\/(\d+)-/.exec(decodeURIComponent(path))?.[1]
    const response = await app.inject({ url: `/ar/wrong-section/${id}-old-slug` })
    expect(response.statusCode).toBe(301)
    expect(response.headers.location).toBe(path)
  })

  it('answers 410 for an unpublished article', async () => {
    const path = await findArticlePath('en', 'notices')
    const id = Number(/\/(\d+)-/.exec(path)?.[1])
    await store()
      .db.updateTable('articles')
      .set({ status: 'unpublished' })
      .where('id', '=', id)
      .execute()
    // Written to the database directly, past the events that purge the page cache.
    app.newsroom.pageCache.clear()
    try {
      const gone = await app.inject({ url: path })
      expect(gone.statusCode).toBe(410)
      // Tagged for the edge, which keeps it as long as a front page.
      expect(gone.headers['surrogate-key']?.toString().split(' ')).toEqual(
        expect.arrayContaining(['site', `a:${id}`]),
      )
    } finally {
      await store()
        .db.updateTable('articles')
        .set({ status: 'published' })
        .where('id', '=', id)
        .execute()
      app.newsroom.pageCache.clear()
    }
  })

  it('follows the redirects table for old permalinks', async () => {
    await store()
      .db.insertInto('redirects')
      .values({
        fromPath: '/2019/05/old-post/',
        toPath: '/en/',
        statusCode: 301,
        createdAt: new Date().toISOString(),
      })
      .execute()
    const response = await app.inject({ url: '/2019/05/old-post/' })
    expect(response.statusCode).toBe(301)
    expect(response.headers.location).toBe('/en/')
  })

  it('serves hashed assets and media with immutable caching', async () => {
    const { page } = await get('/en/')
    const css = page.querySelector('link[rel="stylesheet"]')?.getAttribute('href') ?? ''
    const cssResponse = await app.inject({ url: css })
    expect(cssResponse.statusCode).toBe(200)
    expect(cssResponse.headers['cache-control']).toContain('immutable')
    const image = page.querySelector('img')?.getAttribute('src') ?? ''
    const imageResponse = await app.inject({ url: image })
    expect(imageResponse.headers['content-type']).toBe('image/jpeg')
    expect((await app.inject({ url: '/media/../../etc/passwd' })).statusCode).toBe(404)
  })

  it('counts page views without cookies and feeds the most-read list', async () => {
    const path = await findArticlePath('en', 'translated')
    const id = Number(/\/(\d+)-/.exec(path)?.[1])
    const before = await store()
      .db.selectFrom('pageViews')
      .select('views')
      .where('articleId', '=', id)
      .where('day', '=', '2026-06-15')
      .executeTakeFirst()
    const response = await app.inject({ method: 'POST', url: `/api/v1/page-views/${id}` })
    expect(response.statusCode).toBe(204)
    expect(response.headers['set-cookie']).toBeUndefined()
    // The no-script pixel counts too: here another reader's (one reader counts once).
    await app.inject({ url: `/api/v1/page-views/${id}.gif`, remoteAddress: '198.51.100.50' })
    const after = await store()
      .db.selectFrom('pageViews')
      .select('views')
      .where('articleId', '=', id)
      .where('day', '=', '2026-06-15')
      .executeTakeFirstOrThrow()
    expect(after.views).toBe((before?.views ?? 0) + 2)
  })
  it('turns a related-story link in a body into a card only while that story is live', async () => {
    const db = store().db
    const live = await buildArticle(db, { headline: 'A live story linked from a body' })
    const draft = await buildArticle(db, {
      headline: 'A draft story linked from a body',
      status: 'draft',
      publishedAt: null,
    })
    const card = (articleId: number, headline: string) => ({
      type: 'relatedArticle' as const,
      attrs: { articleId, headline, url: `/en/x/${articleId}` },
    })
    const id = await buildArticle(db, {
      bodyDoc: {
        type: 'doc',
        content: [
          paragraph('A body that links two stories.'),
          card(live, 'A live story linked from a body'),
          card(draft, 'A draft story linked from a body'),
        ],
      },
    })
    const moved = await app.inject({ url: `/en/x/${id}` })
    const { page } = await get(String(moved.headers.location))
    const cards = [...page.querySelectorAll('.article__body .related-card__headline')]
    expect(cards.map((item) => item.textContent)).toEqual(['A live story linked from a body'])
    expect(page.querySelector('.article__body')?.textContent).not.toContain('A draft story')
  })

  it('renders the body from its document, whatever HTML was stored with it', async () => {
    const db = store().db
    const gallery = await db
      .selectFrom('galleries')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow()
    const related = await buildArticle(db, { headline: 'A story shown as a card' })
    const id = await buildArticle(db, {
      bodyDoc: {
        type: 'doc',
        content: [
          paragraph('A body rendered when the page is.'),
          { type: 'gallery', attrs: { galleryId: gallery.id } },
          { type: 'relatedArticle', attrs: { articleId: related, headline: 'x', url: '/' } },
        ],
      },
    })
    await db
      .updateTable('articles')
      .set({ bodyHtml: '<p>Stale HTML</p>' })
      .where('id', '=', id)
      .execute()
    const moved = await app.inject({ url: `/en/x/${id}` })
    const { page } = await get(String(moved.headers.location))
    const body = page.querySelector('.article__body')
    expect(body?.textContent).not.toContain('Stale HTML')
    expect(body?.textContent).toContain('A body rendered when the page is.')
    expect(body?.querySelectorAll('section.gallery .gallery__item').length).toBeGreaterThan(0)
    expect(body?.querySelector('.related-card__headline')?.textContent).toBe(
      'A story shown as a card',
    )
    expect(body?.innerHTML).not.toContain('gallery-block')
  })
})
