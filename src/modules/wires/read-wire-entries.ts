import type { WireFormat } from '../../db/database.js'
import { fitText } from '../../platform/fit-text.js'
import { htmlToDocument } from '../articles/document/html-to-document.js'
import { documentPlainText } from '../articles/document/render-document.js'
import type { ArticleDocument } from '../articles/document/article-document.js'
import { parseNinjs } from './parse-ninjs.js'
import { parseAtom, parseRss } from './parse-rss-atom.js'
import type { WireEntry } from './wire-entry.js'
import { parseXml } from './wire-xml.js'

/** An entry made safe to keep: plain-text headline and summary, the body as a document. */
export interface WireItemContent {
  guid: string
  version: number
  language: string
  headline: string
  summary: string
  bodyDoc: ArticleDocument
  link: string | null
  byline: string | null
  publishedAt: string | null
}

const HEADLINE_LENGTH = 300
const SUMMARY_LENGTH = 600
const GUID_LENGTH = 1000

function plainText(html: string): string {
  return documentPlainText(htmlToDocument(html).document).replace(/\s+/g, ' ').trim()
}

interface MarkJson {
  type: string
  attrs?: { href?: string }
}

/**
 * Links relative to the agency's site (`/…`, which the sanitiser keeps as links of this site)
 * made absolute against the item's address; without one they lose the link and keep the text.
 */
function withAgencyLinks(document: ArticleDocument, base: string | undefined): ArticleDocument {
  return JSON.parse(JSON.stringify(document), (key, value: unknown) => {
    if (key !== 'marks' || !Array.isArray(value)) return value
    const marks = (value as MarkJson[]).flatMap((mark) => {
      const href = mark.attrs?.href
      if (mark.type !== 'link' || !href?.startsWith('/')) return [mark]
      return base ? [{ ...mark, attrs: { href: new URL(href, base).toString() } }] : []
    })
    return marks.length ? marks : undefined
  }) as ArticleDocument
}

/**
 * Parses a feed document of the given format into its entries, as the agency wrote them; a big
 * one in slices, between which the process serves requests.
 */
export async function parseWireFeed(
  text: string,
  format: WireFormat,
  baseUrl?: string,
): Promise<WireEntry[]> {
  const entries =
    format === 'ninjs'
      ? await parseNinjs(text)
      : format === 'rss'
        ? await parseRss(await parseXml(text), baseUrl)
        : await parseAtom(await parseXml(text), baseUrl)
  return entries
    .map((entry) => ({ ...entry, guid: entry.guid.trim().slice(0, GUID_LENGTH) }))
    .filter((entry) => entry.guid !== '')
}

/**
 * Sanitises an entry through the articles module's `htmlToDocument` (the one allowlist of rich
 * text): the headline and summary become plain text, the body a document. Entries with neither a
 * headline nor a body are left out (undefined).
 */
export function toWireItemContent(
  entry: WireEntry,
  defaults: { language: string; baseUrl?: string },
): WireItemContent | undefined {
  const base = entry.link ?? defaults.baseUrl
  const bodyDoc = withAgencyLinks(htmlToDocument(entry.bodyHtml, { baseUrl: base }).document, base)
  const summary = fitText(plainText(entry.summaryHtml), SUMMARY_LENGTH)
  const headline = fitText(
    plainText(entry.headlineHtml) || summary || documentPlainText(bodyDoc).trim(),
    HEADLINE_LENGTH,
  )
  if (!headline || !entry.guid) return undefined
  return {
    guid: entry.guid,
    version: entry.version,
    language: entry.language ?? defaults.language,
    headline,
    summary,
    bodyDoc,
    link: entry.link,
    byline: entry.byline ? fitText(entry.byline.replace(/\s+/g, ' ').trim(), 200) : null,
    publishedAt: entry.publishedAt,
  }
}
