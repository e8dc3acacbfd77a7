import { describe, expect, it } from 'vitest'
import { safeImageSrc, safeLinkHref } from './safe-url.js'

describe('safeLinkHref', () => {
  it('keeps http, https, mailto and site-relative links', () => {
    expect(safeLinkHref(' https://Agency.example/a b ')).toBe('https://agency.example/a%20b')
    expect(safeLinkHref('HTTP://agency.example')).toBe('http://agency.example/')
    expect(safeLinkHref('MAILTO:desk@masthead.example')).toBe('mailto:desk@masthead.example')
    expect(safeLinkHref('/en/news/7-x')).toBe('/en/news/7-x')
  })

  it('refuses other schemes, also when hidden by case, tabs, newlines or control characters', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'jav\tascript:alert(1)',
      'java\nscript:alert(1)',
      '\u0001javascript:alert(1)',
      ' \u0000javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'ftp://example.com/',
      'page.html',
      '#notes',
      '',
    ]) {
      expect(safeLinkHref(href), href).toBeUndefined()
    }
  })

  it('makes protocol-relative links absolute, and resolves relative ones against a base', () => {
    expect(safeLinkHref('//cdn.example/x')).toBe('https://cdn.example/x')
    expect(safeLinkHref('/\\evil.example/x')).toBe('https://evil.example/x')
    expect(safeLinkHref('page.html', { baseUrl: 'https://old.example/2019/' })).toBe(
      'https://old.example/2019/page.html',
    )
  })
})

describe('safeImageSrc', () => {
  it('takes http(s) and site-relative sources only', () => {
    expect(safeImageSrc('/media/a.jpg')).toBe('/media/a.jpg')
    expect(safeImageSrc('https://cdn.example/a.jpg')).toBe('https://cdn.example/a.jpg')
    expect(safeImageSrc('data:image/svg+xml,<svg onload=alert(1)>')).toBeUndefined()
    expect(safeImageSrc('mailto:a@b.example')).toBeUndefined()
    expect(safeImageSrc('#x')).toBeUndefined()
  })
})
