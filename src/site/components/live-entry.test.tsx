import { parse } from 'node-html-parser'
import { describe, expect, it } from 'vitest'
import type { LiveEntry } from '../../modules/live/live-entry.js'
import { translatorFor } from '../i18n/messages.js'
import type { Frame } from '../view-models.js'
import { LiveEntryArticle, renderLiveEntryHtml } from './live-entry.js'

const NOW = new Date('2026-03-01T12:00:00Z')

function frameOf(language: 'en' | 'ar', locale: string): Frame {
  return {
    language,
    direction: language === 'ar' ? 'rtl' : 'ltr',
    locale,
    timeZone: 'Asia/Dubai',
    now: NOW,
    siteUrl: 'https://news.example',
    siteName: 'Example',
    about: '',
    footerText: '',
    t: translatorFor(language),
    navigation: [],
    breaking: [],
    footerPages: [],
    socialLinks: [],
    otherEdition: { language: 'ar', url: '/ar/' },
    dateLine: '',
    assets: { css: '/site.css', js: '/site.js', icon: '/logo.png' },
  }
}

const entry: LiveEntry = {
  id: 42,
  articleId: 7,
  authorUserId: 3,
  title: 'Leaders reach the harbour',
  bodyDoc: { type: 'doc', content: [] },
  bodyHtml: '<p>The lead group passes the <strong>harbour</strong> at the 30 km mark.</p>',
  isKeyEvent: true,
  isPinned: false,
  createdAt: '2026-03-01T11:55:00.000Z',
  editedAt: null,
}

const byline = {
  userName: 'Desk user',
  author: { id: 5, slug: 'sara-haddad', name: { en: 'Sara Haddad', ar: 'سارة حداد' } },
}

describe('a live entry', () => {
  it('is an article anchored by its id, with a permalink, its times, flag, title, body and byline', () => {
    const html = renderLiveEntryHtml({ entry, byline, frame: frameOf('en', 'en-GB') })
    const article = parse(html).querySelector('article')!
    expect(article.getAttribute('id')).toBe('entry-42')
    expect(article.getAttribute('data-entry-id')).toBe('42')
    expect(article.classList.contains('live-entry--key-event')).toBe(true)
    expect(article.classList.contains('live-entry--pinned')).toBe(false)
    const permalink = article.querySelector('a.live-entry__permalink')!
    expect(permalink.getAttribute('href')).toBe('#entry-42')
    expect(permalink.getAttribute('title')).toBe('Link to this update')
    // The clock time in the site's time zone (Dubai, UTC+4), the instant in datetime.
    expect(permalink.querySelector('time')!.getAttribute('datetime')).toBe(
      '2026-03-01T11:55:00.000Z',
    )
    expect(permalink.text).toBe('15:55')
    expect(article.querySelector('.live-entry__ago time')!.text).toBe('5 minutes ago')
    expect(article.querySelector('.live-entry__flag')!.text).toBe('Key event')
    expect(article.querySelector('h3.live-entry__title')!.text).toBe('Leaders reach the harbour')
    expect(article.querySelector('.live-entry__body strong')!.text).toBe('harbour')
    const author = article.querySelector('.live-entry__byline a')!
    expect(author.getAttribute('href')).toBe('/en/author/sara-haddad')
    expect(author.text).toBe('Sara Haddad')
    expect(article.querySelector('.live-entry__updated')).toBeNull()
  })

  it('renders as a string exactly what the page renders', () => {
    const props = { entry, byline, frame: frameOf('en', 'en-GB') }
    expect(renderLiveEntryHtml(props)).toBe(LiveEntryArticle(props).value)
  })

  it('speaks the Arabic edition with its digits, and says when it was updated', () => {
    const edited = { ...entry, editedAt: '2026-03-01T11:58:00.000Z', isKeyEvent: false }
    const html = renderLiveEntryHtml({
      entry: edited,
      byline,
      frame: frameOf('ar', 'ar-u-nu-arab'),
    })
    const article = parse(html).querySelector('article')!
    expect(article.querySelector('.live-entry__permalink')!.text).toBe('١٥:٥٥')
    expect(article.querySelector('.live-entry__permalink')!.getAttribute('title')).toBe(
      'رابط هذا التحديث',
    )
    expect(article.querySelector('.live-entry__ago')!.text).toBe('قبل ٥ دقائق')
    expect(article.querySelector('.live-entry__byline a')!.text).toBe('سارة حداد')
    expect(article.querySelector('.live-entry__updated')!.text).toBe('حُدّث قبل دقيقتين')
    expect(article.querySelector('.live-entry__flag')).toBeNull()
  })

  it('shows an older entry with its date, a writer without a profile by name, and no title', () => {
    const older = { ...entry, title: null, createdAt: '2026-02-27T06:05:00.000Z' }
    const html = renderLiveEntryHtml({
      entry: older,
      byline: { userName: 'Night desk', author: null },
      frame: frameOf('en', 'en-GB'),
    })
    const article = parse(html).querySelector('article')!
    expect(article.querySelector('.live-entry__permalink')!.text).toBe('27 Feb, 10:05')
    expect(article.querySelector('h3')).toBeNull()
    expect(article.querySelector('.live-entry__byline')!.text).toBe('By Night desk')
    expect(article.querySelector('.live-entry__byline a')).toBeNull()
  })

  it('as the pinned copy keeps its entry id in data-entry-id but not its anchor', () => {
    const pinned = { ...entry, isPinned: true }
    const html = renderLiveEntryHtml({
      entry: pinned,
      byline: undefined,
      frame: frameOf('en', 'en-GB'),
      pinnedCopy: { permalink: '?page=2#entry-42' },
    })
    const article = parse(html).querySelector('article')!
    expect(article.getAttribute('id')).toBe('pinned-entry-42')
    expect(article.getAttribute('data-entry-id')).toBe('42')
    expect(article.querySelector('.live-entry__permalink')!.getAttribute('href')).toBe(
      '?page=2#entry-42',
    )
    expect(article.querySelector('.live-entry__flag--pinned')!.text).toBe('Pinned')
    expect(article.querySelector('footer')).toBeNull()
  })

  it('escapes the title', () => {
    const html = renderLiveEntryHtml({
      entry: { ...entry, title: '<img src=x onerror=alert(1)>' },
      byline: undefined,
      frame: frameOf('en', 'en-GB'),
    })
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
  })
})
