import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SITE_ASSET_SOURCES } from './assets/asset-sources.js'
import { DEFAULT_ACCENT } from '../modules/settings/site-settings.js'
import { themeStylesheet, themeStylesheetPath } from './theme-stylesheet.js'

describe('the accent stylesheet', () => {
  it('is not linked for the accent site.css already has', () => {
    const css = readFileSync(SITE_ASSET_SOURCES['site.css'].file, 'utf8')
    expect(css).toContain(`--accent: ${DEFAULT_ACCENT};`)
    expect(themeStylesheetPath(DEFAULT_ACCENT.toUpperCase())).toBeUndefined()
  })

  it('sets the accent with a darker shade and a pale tint', () => {
    const path = themeStylesheetPath('#0B5394') ?? ''
    expect(path).toBe('/site-theme/accent-0b5394.css')
    expect(themeStylesheet(path.split('/').pop() ?? '')).toBe(
      ':root{--accent:#0b5394;--accent-dark:#094173;--tint:#eef3f8}\n',
    )
  })

  it('answers nothing for a colour white text cannot be read on, or another name', () => {
    expect(themeStylesheet('accent-ffcc00.css')).toBeUndefined()
    expect(themeStylesheet('accent-0b5394.js')).toBeUndefined()
    expect(themeStylesheet('../site.css')).toBeUndefined()
  })
})
