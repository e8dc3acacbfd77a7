import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createMediaItem } from '../../../src/modules/media/media-queries.js'
import { manualClock } from '../../../src/platform/clock.js'
import { createTestApp } from '../../helpers/create-test-app.js'
import { buildEditions, TEST_NOW } from '../../helpers/factories.js'
import { parseHtml } from '../../helpers/html.js'
import { signInAs, type NewsroomClient } from '../../helpers/newsroom-client.js'
import { describeEachDatabase } from '../../helpers/test-databases.js'

describeEachDatabase('the logo and accent colour of the site settings', (store) => {
  let app: FastifyInstance
  let admin: NewsroomClient
  let logoId: number

  beforeAll(async () => {
    await buildEditions(store().db)
    app = await createTestApp(store(), { clock: manualClock(TEST_NOW) })
    admin = await signInAs(app, store().db, 'admin')
    logoId = await createMediaItem(
      store().db,
      {
        storageKey: 'branding/gazette-logo.png',
        originalFilename: 'gazette-logo.png',
        mimeType: 'image/png',
        sizeBytes: 2048,
        width: 600,
        height: 160,
        alt: { en: 'The Gazette' },
        caption: {},
      },
      TEST_NOW,
    )
  })
  afterAll(() => app.close())

  const change = (payload: object) =>
    admin.request({ method: 'PATCH', url: '/api/admin/settings', payload })

  /** The home page's header logo, favicon, JSON-LD publisher logo and extra stylesheets. */
  async function branding(language: string) {
    const response = await app.inject({ method: 'GET', url: `/${language}/` })
    expect(response.statusCode).toBe(200)
    const page = parseHtml(response.body)
    const jsonLd = JSON.parse(
      page.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}',
    ) as { logo?: { url: string; width: number; height: number } }
    return {
      headerLogo: page.querySelector('.site-header .brand img')?.getAttribute('src'),
      favicon: page.querySelector('link[rel="icon"]')?.getAttribute('href'),
      publisherLogo: jsonLd.logo,
      stylesheets: page
        .querySelectorAll('link[rel="stylesheet"]')
        .map((link) => link.getAttribute('href') ?? ''),
    }
  }

  it('shows the built-in logo and the stylesheet accent while none is set', async () => {
    const shown = await branding('en')
    expect(shown.headerLogo).toBeUndefined()
    expect(shown.favicon).toMatch(/^\/assets\/logo\.\w+\.png$/)
    expect(shown.publisherLogo?.url).toMatch(/\/assets\/logo\.\w+\.png$/)
    expect(shown.stylesheets).toHaveLength(1)
  })

  it('uses an uploaded logo and accent in the header, favicon, JSON-LD and CSS at once', async () => {
    // The pages above are cached: the settings change must purge them.
    const changed = await change({ logoMediaId: logoId, colors: { accent: '#0b5394' } })
    expect(changed.statusCode).toBe(200)
    for (const language of ['en', 'ar']) {
      const shown = await branding(language)
      expect(shown.headerLogo).toBe('/media/branding/gazette-logo.png')
      expect(shown.favicon).toBe('/media/branding/gazette-logo.png')
      expect(shown.publisherLogo).toMatchObject({
        url: expect.stringMatching(/\/media\/branding\/gazette-logo\.png$/) as string,
        width: 600,
        height: 160,
      })
      const theme = shown.stylesheets.find((href) => !href.startsWith('/assets/'))
      expect(theme).toBeDefined()
      const css = await app.inject({ method: 'GET', url: theme ?? '' })
      expect(css.statusCode).toBe(200)
      expect(css.headers['content-type']).toContain('text/css')
      expect(css.body).toContain('--accent:#0b5394')
    }
  })

  it('refuses an accent white text cannot be read on, naming the field, and saves nothing', async () => {
    const refused = await change({ colors: { accent: '#ffcc00' }, timeZone: 'Asia/Amman' })
    expect(refused.statusCode).toBe(400)
    const { errors } = refused.json<{ errors: { code: string; property?: string }[] }>()
    expect(errors).toContainEqual(
      expect.objectContaining({ code: 'VALIDATION_FAILED', property: 'colors.accent' }),
    )
    const settings = await admin.request({ method: 'GET', url: '/api/admin/settings' })
    expect(settings.json()).toMatchObject({ colors: { accent: '#0b5394' }, timeZone: 'UTC' })
    const css = await app.inject({ method: 'GET', url: '/site-theme/accent-ffcc00.css' })
    expect(css.statusCode).toBe(404)
  })
})
