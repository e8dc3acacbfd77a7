import { WireFeedError } from './wire-feed-error.js'
import { httpUrl, isoDate, primaryLanguage, textToHtml, type WireEntry } from './wire-entry.js'
import { escapeHtml } from '../../platform/escape-html.js'
import { mapInSlices } from './time-slices.js'

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '')

/** The value of the `main` (or else the first) entry of a 2.x/3.x list of `{role, value}`. */
function mainValue(list: unknown, contentType?: RegExp): string {
  if (!Array.isArray(list)) return ''
  const entries = list.filter(isObject).filter((entry) => typeof entry['value'] === 'string')
  const typed = contentType
    ? entries.filter((entry) =>
        contentType.test(text(entry['contentType'] ?? entry['contenttype'])),
      )
    : entries
  const pool = typed.length ? typed : entries
  const chosen = pool.find((entry) => entry['role'] === 'main') ?? pool[0]
  return chosen ? text(chosen['value']) : ''
}

/** HTML of a 2.x/3.x `bodies`/`descriptions` list: an HTML entry, or plain text escaped. */
function listHtml(list: unknown): string {
  const html = mainValue(list, /html/)
  if (html) return html
  return textToHtml(mainValue(list))
}

function versionOf(value: unknown): number {
  const number = typeof value === 'number' ? value : Number.parseInt(text(value), 10)
  return Number.isFinite(number) && number >= 0 ? Math.trunc(number) : 0
}

function linkOf(item: Json): string | null {
  const links = Array.isArray(item['links']) ? item['links'].filter(isObject) : []
  const canonical = links.find((link) => link['rel'] === 'canonical' || link['rel'] === 'alternate')
  return (
    httpUrl(text(canonical?.['href'])) ??
    httpUrl(text(links[0]?.['href'])) ??
    httpUrl(text(item['uri']))
  )
}

/** Whether an item is one to queue: a usable text story (pictures and cancelled items are not). */
function isQueueable(item: Json): boolean {
  const type = text(item['type']) || 'text'
  const status = text(item['pubStatus'] ?? item['pubstatus']) || 'usable'
  return (type === 'text' || type === 'composite') && status === 'usable'
}

/** One ninjs item of any version (1.x lower case, 2.x lists, 3.x camelCase) as an entry. */
function toEntry(item: Json): WireEntry {
  const headline = text(item['headline']) || mainValue(item['headlines']) || text(item['slugline'])
  const bodyHtml =
    text(item['body_html']) || textToHtml(text(item['body_text'])) || listHtml(item['bodies'])
  const summaryHtml =
    text(item['description_html']) ||
    textToHtml(text(item['description_text'])) ||
    listHtml(item['descriptions'])
  const by = item['by'] ?? item['byline']
  return {
    guid: text(item['uri']),
    version: versionOf(item['version']),
    headlineHtml: escapeHtml(headline),
    summaryHtml,
    bodyHtml,
    link: linkOf(item),
    byline: text(by) || null,
    publishedAt:
      isoDate(text(item['versionCreated'] ?? item['versioncreated'])) ??
      isoDate(text(item['firstCreated'] ?? item['firstcreated'])),
    language: primaryLanguage(text(item['language'])),
  }
}

/**
 * IPTC ninjs: one item, an array of items, or an object with an `items` array. Every item needs a
 * `uri` (the only field ninjs requires); items that are not usable text are left out.
 */
export function parseNinjs(source: string): Promise<WireEntry[]> {
  let document: unknown
  try {
    document = JSON.parse(source)
  } catch (error) {
    throw new WireFeedError(
      'malformed',
      `the ninjs document is not JSON: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  const items = Array.isArray(document)
    ? document
    : isObject(document) && Array.isArray(document['items'])
      ? document['items']
      : [document]
  const queueable = items
    .map((item, index) => {
      if (!isObject(item) || !text(item['uri']))
        throw new WireFeedError('malformed', `ninjs item ${index + 1} has no uri`)
      return item
    })
    .filter(isQueueable)
  return mapInSlices(queueable, toEntry)
}
