import { z } from 'zod'

const localizedText = z.record(z.string(), z.string())

/** Every site setting with its schema and default; stored one row per key. */
export const SITE_SETTINGS_SCHEMA = z.object({
  siteName: localizedText.default({ en: 'Masthead News', ar: 'ماستهد نيوز' }),
  /** The "who we are" text in the footer. */
  about: localizedText.default({}),
  // Shown as links on every page: web addresses only, never a javascript: or data: URL.
  socialLinks: z
    .array(z.object({ network: z.string().min(1), url: z.url({ protocol: /^https?$/ }) }))
    .default([]),
  defaultEdition: z.string().min(2).default('en'),
  /** IANA zone for dates shown to readers and for "today" in most-read lists. */
  timeZone: z
    .string()
    .refine(
      (zone) => Intl.supportedValuesOf('timeZone').includes(zone) || zone === 'UTC',
      'an IANA time zone',
    )
    .default('UTC'),
  /** Digits on the Arabic edition: Western (latn) or Arabic-Indic (arab). */
  digitsStyle: z.enum(['latn', 'arab']).default('latn'),
  /** Whether feeds carry whole articles or only summaries. */
  isFeedFullContent: z.boolean().default(false),
})

export type SiteSettings = z.output<typeof SITE_SETTINGS_SCHEMA>
export type SiteSettingKey = keyof SiteSettings
