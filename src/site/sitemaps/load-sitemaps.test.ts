import { describe, expect, it } from 'vitest'
import { parseSitemapFile, sitemapPath, type SitemapName } from './load-sitemaps.js'

describe('sitemap file names', () => {
  it('reads back every name it writes, with a month’s first part under the plain month name', () => {
    const names: SitemapName[] = [
      { kind: 'articles', language: 'en', month: '2026-11', part: 1 },
      { kind: 'articles', language: 'ar', month: '2026-11', part: 2 },
      { kind: 'articles', language: 'en', month: '2026-01', part: 12 },
      { kind: 'news', language: 'ar' },
      { kind: 'pages', language: 'en' },
    ]
    expect(names.map(sitemapPath)).toEqual([
      '/sitemaps/articles-en-2026-11.xml',
      '/sitemaps/articles-ar-2026-11-2.xml',
      '/sitemaps/articles-en-2026-01-12.xml',
      '/sitemaps/news-ar.xml',
      '/sitemaps/pages-en.xml',
    ])
    for (const name of names)
      expect(parseSitemapFile(sitemapPath(name).replace('/sitemaps/', ''))).toEqual(name)
  })

  it('gives each sitemap one name only', () => {
    for (const file of [
      'articles-en-2026-11-1.xml',
      'articles-en-2026-11-0.xml',
      'articles-en-2026-11-02.xml',
      'articles-en-2026-11-.xml',
      'articles-en-2026-13.xml',
      'articles-en-2026-11-1234567.xml',
      'news-en-2.xml',
    ])
      expect(parseSitemapFile(file), file).toBeUndefined()
  })
})
