import { z } from 'zod'
import { ID } from '../../http/common-schemas.js'
import { contrastWithWhite, MIN_ACCENT_CONTRAST } from './accent-contrast.js'

const localizedText = z.record(z.string(), z.string())

/** The accent of the site's stylesheet (src/site/assets/site.css), used while no other is set. */
export const DEFAULT_ACCENT = '#b00020'

const accentColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb')
  .superRefine((hex, context) => {
    const contrast = contrastWithWhite(hex)
    if (contrast < MIN_ACCENT_CONTRAST)
      context.addIssue({
        code: 'custom',
        message: `white text on ${hex} has a contrast of ${contrast.toFixed(2)}:1, under the ${MIN_ACCENT_CONTRAST}:1 of WCAG AA: choose a darker colour`,
      })
  })

/** Every site setting with its schema and default; stored one row per key. */
export const SITE_SETTINGS_SCHEMA = z.object({
  siteName: localizedText.default({ en: 'Masthead News', ar: 'ماستهد نيوز' }),
  /** The "who we are" text in the footer. */
  about: localizedText.default({}),
  // Shown as links on every page: web addresses only, never a javascript: or data: URL.
  socialLinks: z
    .array(z.object({ network: z.string().min(1), url: z.url({ protocol: /^https?$/ }) }))
    .default([]),
  /** A line under the footer (copyright, publisher), per language. */
  footerText: localizedText.default({}),
  /** The masthead logo: a media library image, or none for the built-in logo. */
  logoMediaId: ID.nullable().default(null),
  /** Brand colours as #rrggbb; `accent` must keep 4.5:1 contrast with white text. */
  colors: z.object({ accent: accentColor }).default({ accent: DEFAULT_ACCENT }),
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

type SettingsShape = typeof SITE_SETTINGS_SCHEMA.shape

/**
 * A change of some settings: each key optional and without its default, so that a change stores
 * only the keys it names (a partial of the schema above would fill in every default).
 */
export const SITE_SETTINGS_CHANGES_SCHEMA = z.strictObject(
  Object.fromEntries(
    Object.entries(SITE_SETTINGS_SCHEMA.shape).map(([key, schema]) => [
      key,
      schema.removeDefault().optional(),
    ]),
  ) as { [K in keyof SettingsShape]: z.ZodOptional<ReturnType<SettingsShape[K]['removeDefault']>> },
)
