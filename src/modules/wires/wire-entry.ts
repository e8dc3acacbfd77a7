import { createHash } from 'node:crypto'
import { escapeHtml } from '../../platform/escape-html.js'

/** One story as a feed gives it, before sanitising: what every format is mapped to. */
export interface WireEntry {
  /** The agency's id: RSS guid (or link), Atom id, ninjs uri. */
  guid: string
  /** ninjs version; 0 for formats without one. */
  version: number
  /** The headline as HTML (text headlines escaped), made plain text when sanitised. */
  headlineHtml: string
  /** Short text or HTML introducing the story ('' when none). */
  summaryHtml: string
  /** The story as HTML (plain text is escaped into paragraphs first). */
  bodyHtml: string
  link: string | null
  byline: string | null
  /** ISO 8601, or null when the feed gives none or an unreadable one. */
  publishedAt: string | null
  /** The item's own language when it says so; the feed's otherwise. */
  language: string | null
}

/** A date in any format Date.parse reads (RFC 822 of RSS, RFC 3339 of Atom and ninjs) as ISO. */
export function isoDate(text: string | undefined | null): string | null {
  if (!text) return null
  const time = Date.parse(text.trim())
  return Number.isNaN(time) ? null : new Date(time).toISOString()
}

/** An http(s) URL, normalised, or null. */
export function httpUrl(text: string | undefined | null, base?: string): string | null {
  if (!text) return null
  try {
    const url = new URL(text.trim(), base)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null
  } catch {
    return null
  }
}

/** Plain text as HTML paragraphs: blank lines split paragraphs, everything escaped. */
export function textToHtml(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => `<p>${escapeHtml(part)}</p>`)
    .join('')
}

/** An id for an item that has none: a hash of what it says. */
export function contentId(...parts: string[]): string {
  return `sha1:${createHash('sha1').update(parts.join('\u0000')).digest('hex')}`
}

/** The language subtag of a BCP 47 tag (`ar-SA` → `ar`), lower case; null when absent. */
export function primaryLanguage(tag: string | undefined | null): string | null {
  const match = /^([a-zA-Z]{2,3})(?:[-_]|$)/.exec(tag?.trim() ?? '')
  return match?.[1] ? match[1].toLowerCase() : null
}
