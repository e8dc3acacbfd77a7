import { describe, expect, it } from 'vitest'
import { createArticle } from '../../../src/modules/articles/article-queries.js'
import { createAuthor } from '../../../src/modules/authors/author-queries.js'
import { createSection } from '../../../src/modules/sections/section-queries.js'
import { updateSiteSettings } from '../../../src/modules/settings/settings-queries.js'
import { createSource } from '../../../src/modules/sources/source-queries.js'
import { findOrCreateTags } from '../../../src/modules/tags/tag-queries.js'
import { en } from '../../../src/site/i18n/en.js'
import { buildSiteApp, useDemoSite } from '../../helpers/demo-site.js'
import { hoursAgo, TEST_NOW } from '../../helpers/factories.js'
import { jsonLdOf, parseHtml } from '../../helpers/html.js'
import type { HTMLElement } from 'node-html-parser'

/** Attributes that screen readers speak or browsers show, which must be in the page's language. */
const ACCESSIBLE_TEXT_ATTRIBUTES = ['aria-label', 'title', 'alt', 'placeholder'] as const

function accessibleTextOf(page: HTMLElement): { name: string; value: string }[] {
  const selector = ACCESSIBLE_TEXT_ATTRIBUTES.map((name) => `[${name}]`).join(',')
  return page.querySelectorAll(selector).flatMap((element) =>
    ACCESSIBLE_TEXT_ATTRIBUTES.flatMap((name) => {
      const value = element.getAttribute(name)
      return value ? [{ name: `<${element.rawTagName} ${name}>`, value }] : []
    }),
  )
}

const isLatinOnly = (text: string) => /[A-Za-z]{3}/.test(text) && !/\p{Script=Arabic}/u.test(text)

const XSS = `<script>alert("x")</script><img src=x onerror=alert(1)>"'&`

describe('public site under bad input', () => {
  const site = useDemoSite()

  const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    site().app.inject({
      method: 'POST',
      url: '/ar/contact',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      payload: new URLSearchParams(fields).toString(),
    })
  const countMessages = async () =>
    Number(
      (
        await site()
          .store.db.selectFrom('contactMessages')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  const reader = {
    name: 'قارئ',
    email: 'reader@example.org',
    subject: 'سؤال',
    message: 'متى يصدر التقرير؟',
  }

  it('stores a contact message and thanks the reader in the page language', async () => {
    const before = await countMessages()
    const response = await form(reader, { 'x-forwarded-for': '10.0.0.1' })
    expect(response.statusCode).toBe(200)
    const page = parseHtml(response.body)
    expect(page.querySelector('.form-status--success')?.textContent).toContain('شكرا')
    expect(await countMessages()).toBe(before + 1)
    const stored = await site()
      .store.db.selectFrom('contactMessages')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(stored).toMatchObject({ language: 'ar', ...reader })
  })

  it('refuses empty, overlong and malformed fields with errors in the page language and stores nothing', async () => {
    const before = await countMessages()
    const response = await form(
      { name: '', email: 'not-an-email', subject: 'x'.repeat(201), message: 'm'.repeat(5001) },
      { 'x-forwarded-for': '10.0.0.2' },
    )
    expect(response.statusCode).toBe(400)
    const page = parseHtml(response.body)
    expect(page.querySelectorAll('.form-status--error li')).toHaveLength(4)
    expect(page.querySelector('#contact-subject')?.getAttribute('aria-invalid')).toBe('true')
    expect(page.querySelector('#contact-message')?.textContent).toBe('m'.repeat(5001))
    expect(await countMessages()).toBe(before)
  })

  it('thanks a bot that fills the honeypot but stores nothing', async () => {
    const before = await countMessages()
    const response = await form(
      { ...reader, website: 'https://spam.example' },
      { 'x-forwarded-for': '10.0.0.3' },
    )
    expect(response.statusCode).toBe(200)
    expect(await countMessages()).toBe(before)
  })

  it('limits messages per address with a localized notice and Retry-After', async () => {
    const headers = { 'x-forwarded-for': '10.0.0.4' }
    for (let index = 0; index < 5; index++)
      expect((await form(reader, headers)).statusCode).toBe(200)
    const limited = await form(reader, headers)
    expect(limited.statusCode).toBe(429)
    expect(limited.headers['retry-after']).toBe('600')
    expect(parseHtml(limited.body).querySelector('.form-status--error')?.textContent).toContain(
      'لاحقا',
    )
  })

  it('ignores X-Forwarded-For from clients when no proxy is trusted, so the limit holds', async () => {
    const untrusting = await buildSiteApp(site().store, { MASTHEAD_TRUST_PROXY: '' })
    try {
      const post = (address: string) =>
        untrusting.inject({
          method: 'POST',
          url: '/en/contact',
          remoteAddress: '192.0.2.50',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'x-forwarded-for': address,
          },
          payload: new URLSearchParams(reader).toString(),
        })
      for (let index = 0; index < 5; index++)
        expect((await post(`198.51.100.${index}`)).statusCode).toBe(200)
      expect((await post('198.51.100.99')).statusCode).toBe(429)
    } finally {
      await untrusting.close()
    }
  })

  it('escapes XSS payloads stored in every field an article page shows', async () => {
    const { db } = site().store
    const sectionId = await createSection(
      db,
      { translations: { en: { name: `Section ${XSS}`, slug: 'xss-section' } } },
      TEST_NOW,
    )
    const authorId = await createAuthor(
      db,
      { slug: 'xss-author', name: { en: `Author ${XSS}` } },
      TEST_NOW,
    )
    const sourceId = await createSource(
      db,
      { slug: 'xss-source', name: { en: `Agency ${XSS}` }, url: null },
      TEST_NOW,
    )
    const tags = await findOrCreateTags(db, { language: 'en', names: [`Tag ${XSS}`] }, TEST_NOW)
    const id = await createArticle(
      db,
      {
        language: 'en',
        sectionId,
        authorIds: [authorId],
        sourceId,
        sourceUrl: `javascript:alert(1)//${XSS}`,
        tagIds: tags.map((tag) => tag.id),
        status: 'published',
        headline: `Headline ${XSS}`,
        dek: `Dek ${XSS}`,
        slug: 'xss-test',
        bodyDoc: {
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              content: [
                {
                  type: 'text',
                  text: XSS,
                  marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }],
                },
              ],
            },
          ],
        },
        publishedAt: hoursAgo(1),
        notices: [{ kind: 'correction', text: XSS }],
      },
      TEST_NOW,
    )
    const canonical = (await site().app.inject({ url: `/en/x/${id}` })).headers.location as string
    const response = await site().app.inject({ url: canonical })
    expect(response.statusCode).toBe(200)
    expect(response.body).not.toContain('<script>alert')
    expect(response.body).not.toContain('<img src=x')
    expect(response.body).not.toContain('javascript:')
    const page = parseHtml(response.body)
    expect(page.querySelector('h1')?.textContent).toBe(`Headline ${XSS}`)
    const jsonLd = page.querySelector('script[type="application/ld+json"]')?.textContent ?? ''
    expect(jsonLd).not.toContain('</script')
    expect(jsonLdOf(page)['@graph']?.[0]?.['headline']).toBe(`Headline ${XSS}`)
  })

  it('survives XSS, garbage and a 10 KB query string in search and URLs', async () => {
    const search = await site().app.inject({ url: `/en/search?q=${encodeURIComponent(XSS)}` })
    expect(search.statusCode).toBe(200)
    expect(search.body).not.toContain('<script>alert')
    const huge = await site().app.inject({
      url: `/en/search?q=${'%D9%82'.repeat(1700)}&junk=${'x'.repeat(1000)}`,
    })
    expect(huge.statusCode).toBe(200)
    const garbage = await site().app.inject({ url: '/en/search?q=%E0%A4%A&page=-5' })
    expect(garbage.statusCode).toBeLessThan(500)
    const path = await site().app.inject({ url: `/en/${encodeURIComponent(XSS)}/999999-x` })
    expect(path.statusCode).toBe(404)
    expect(path.body).not.toContain('<script>alert')
  })

  it('finds articles with the search terms highlighted', async () => {
    const headline = (
      await site()
        .store.db.selectFrom('articles')
        .select('headline')
        .where('language', '=', 'ar')
        .executeTakeFirstOrThrow()
    ).headline
    const word = headline.split(' ').find((candidate) => candidate.length > 4) ?? headline
    const response = await site().app.inject({ url: `/ar/search?q=${encodeURIComponent(word)}` })
    const page = parseHtml(response.body)
    expect(page.querySelectorAll('.search-result').length).toBeGreaterThan(0)
    expect(page.querySelector('.search-result mark')?.textContent).toBe(word)
  })

  it('finds an English article by a word of its body, folded, with a marked snippet', async () => {
    const body = (
      await site()
        .store.db.selectFrom('articles')
        .select('excerpt')
        .where('language', '=', 'en')
        .executeTakeFirstOrThrow()
    ).excerpt
    const word = body.match(/[A-Za-z]{7,}/)?.[0] ?? 'council'
    const response = await site().app.inject({
      url: `/en/search?q=${encodeURIComponent(word.toUpperCase())}`,
    })
    const page = parseHtml(response.body)
    expect(page.querySelectorAll('.search-result').length).toBeGreaterThan(0)
    const marked = page.querySelectorAll('.search-result mark').map((mark) => mark.textContent)
    expect(marked.map((text) => text.toLowerCase())).toContain(word.toLowerCase())
    expect(page.querySelector('.search-result__snippet')).not.toBeNull()
  })

  it('writes numbers in the digits style the settings choose for the Arabic edition', async () => {
    const { db } = site().store
    const westernTime =
      parseHtml((await site().app.inject({ url: '/ar/' })).body).querySelector('.site-header__date')
        ?.textContent ?? ''
    expect(westernTime).toMatch(/[0-9]/)
    await updateSiteSettings(db, { digitsStyle: 'arab' }, TEST_NOW)
    // Written straight to the database, past the events that purge the page cache.
    site().app.newsroom.pageCache.clear()
    try {
      const page = parseHtml((await site().app.inject({ url: '/ar/' })).body)
      expect(page.querySelector('html')?.getAttribute('data-locale')).toBe('ar-u-nu-arab')
      expect(page.querySelector('.site-header__date')?.textContent).toMatch(/[٠-٩]/)
      expect(page.querySelector('.site-header__date')?.textContent).not.toMatch(/[0-9]/)
    } finally {
      await updateSiteSettings(db, { digitsStyle: 'latn' }, TEST_NOW)
      site().app.newsroom.pageCache.clear()
    }
  })

  it('shows no English interface text on Arabic pages', async () => {
    const arabicOnly = Object.values(en).filter(
      (text) => /[A-Za-z]{4}/.test(text) && !text.includes('RSS') && !text.includes('{'),
    )
    const articleId = (
      await site()
        .store.db.selectFrom('articles')
        .select('id')
        .where('language', '=', 'ar')
        .where('translationGroup', 'is not', null)
        .executeTakeFirstOrThrow()
    ).id
    const articlePath = (await site().app.inject({ url: `/ar/x/${articleId}` })).headers
      .location as string
    const liveStoryId = (
      await site()
        .store.db.selectFrom('articles')
        .select('id')
        .where('language', '=', 'ar')
        .where('type', '=', 'live')
        .executeTakeFirstOrThrow()
    ).id
    const liveStoryPath = (await site().app.inject({ url: `/ar/x/${liveStoryId}` })).headers
      .location as string
    for (const url of [
      '/ar/',
      '/ar/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/',
      articlePath,
      liveStoryPath,
      '/ar/contact',
      '/ar/search?q=x',
      '/ar/nothing-here',
    ]) {
      const response = await site().app.inject({ url })
      const page = parseHtml(response.body)
      const text = page.querySelector('body')?.textContent ?? ''
      for (const english of arabicOnly)
        expect(text, `${url} shows "${english}"`).not.toContain(english)
      for (const attribute of accessibleTextOf(page)) {
        for (const english of arabicOnly)
          expect(attribute.value, `${url}: ${attribute.name}`).not.toContain(english)
        // A fixed label typed in a template is English with no Arabic letter in it.
        expect(isLatinOnly(attribute.value), `${url}: ${attribute.name}="${attribute.value}"`).toBe(
          false,
        )
      }
    }
  })
})
