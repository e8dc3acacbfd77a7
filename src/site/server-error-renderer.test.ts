import { describe, expect, it } from 'vitest'
import { AppError } from '../errors/app-error.js'
import { ar } from './i18n/ar.js'
import { en } from './i18n/en.js'
import { createServerErrorRenderer, editionOfPath } from './server-error-renderer.js'

const render = createServerErrorRenderer({ url: (name) => `/assets/${name}` })
const internal = new AppError('INTERNAL', 'secret internal detail')

describe('the server error page', () => {
  it('takes the edition from the path, and the default one without a known prefix', () => {
    expect(editionOfPath('/ar/world/12-story')).toMatchObject({ code: 'ar', direction: 'rtl' })
    expect(editionOfPath('/en/')).toMatchObject({ code: 'en', direction: 'ltr' })
    expect(editionOfPath('/sitemap.xml')).toMatchObject({ code: 'en', direction: 'ltr' })
    expect(editionOfPath('/')).toMatchObject({ code: 'en', direction: 'ltr' })
  })

  it('renders the Arabic edition right to left, in Arabic, with the request id', () => {
    const html = render({ url: '/ar/rss.xml?x=1', id: 'req-42' }, internal) ?? ''
    expect(html).toMatch(/^<!doctype html>\n<html lang="ar" dir="rtl">/)
    expect(html).toContain(ar.errorTitle)
    expect(html).toContain('req-42')
    expect(html).not.toContain(en.errorTitle)
    expect(html).not.toContain('secret internal detail')
    expect(html).toContain('href="/assets/site.css"')
  })

  it('escapes the request id', () => {
    const html = render({ url: '/en/', id: '<b>id</b>' }, internal) ?? ''
    expect(html).toContain('&lt;b&gt;id&lt;/b&gt;')
  })

  it('leaves the APIs, the newsroom app and the operations endpoints to JSON', () => {
    for (const url of ['/api/v1/articles', '/api', '/admin', '/admin/articles/3', '/readyz'])
      expect(render({ url, id: 'req-1' }, internal), url).toBeUndefined()
  })
})
