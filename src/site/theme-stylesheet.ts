import {
  channelsOf,
  contrastWithWhite,
  MIN_ACCENT_CONTRAST,
} from '../modules/settings/accent-contrast.js'
import { DEFAULT_ACCENT } from '../modules/settings/site-settings.js'

const THEME_PATH = /^accent-([0-9a-f]{6})\.css$/

const hexOf = (channels: number[]) =>
  `#${channels.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`

/**
 * The path of the small stylesheet that sets the site's accent colour from the settings, or
 * undefined for the stylesheet's own accent. A file named by the colour, so that its URL is its
 * content and it can be kept for a year: the site's Content-Security-Policy allows no inline style.
 */
export function themeStylesheetPath(accent: string): string | undefined {
  const hex = accent.toLowerCase()
  return hex === DEFAULT_ACCENT ? undefined : `/site-theme/accent-${hex.slice(1)}.css`
}

/** The stylesheet a theme file name stands for, or undefined for a name that is none. */
export function themeStylesheet(fileName: string): string | undefined {
  const hex = THEME_PATH.exec(fileName)?.[1]
  if (!hex || contrastWithWhite(`#${hex}`) < MIN_ACCENT_CONTRAST) return undefined
  const channels = channelsOf(`#${hex}`)
  // As site.css pairs its own accent: a darker shade for hovers, a pale tint for backgrounds.
  const dark = hexOf(channels.map((channel) => channel * 0.78))
  const tint = hexOf(channels.map((channel) => channel + (255 - channel) * 0.93))
  return `:root{--accent:#${hex};--accent-dark:${dark};--tint:${tint}}\n`
}
