import { describe, expect, it } from 'vitest'
import { siteSettingsBody, siteSettingsValues, socialLinksOf } from './site-area.js'

const SETTINGS = {
  siteName: { en: 'Harbour Daily', ar: 'الميناء اليومية' },
  about: { en: 'A local paper.' },
  footerText: {},
  logoMediaId: null,
  colors: { accent: '#b00020' },
  socialLinks: [
    { network: 'Mastodon', url: 'https://social.example/@harbour' },
    { network: 'Video', url: 'https://video.example/harbour' },
  ],
  defaultEdition: 'ar',
  timeZone: 'Asia/Dubai',
  digitsStyle: 'arab' as const,
  isFeedFullContent: true,
}

describe('the site settings form', () => {
  it('gives back what it was given when nothing is changed', () => {
    expect(siteSettingsBody(siteSettingsValues(SETTINGS))).toEqual(SETTINGS)
  })

  it('names each social link input as the API names its errors', () => {
    const values = siteSettingsValues(SETTINGS)
    expect(values['socialLinks.1.url']).toBe('https://video.example/harbour')
    expect(values['siteName.ar']).toBe('الميناء اليومية')
    expect(values['colors.accent']).toBe('#b00020')
  })

  it('drops social link rows left empty, and reads an emptied logo as none', () => {
    const values = {
      ...siteSettingsValues(SETTINGS),
      'socialLinks.0.network': ' ',
      'socialLinks.0.url': '',
      logoMediaId: '42',
    }
    expect(socialLinksOf(values)).toEqual([SETTINGS.socialLinks[1]])
    expect(siteSettingsBody(values).logoMediaId).toBe(42)
  })
})
