import { WireFeedError } from './wire-feed-error.js'
import {
  contentId,
  httpUrl,
  isoDate,
  primaryLanguage,
  textToHtml,
  type WireEntry,
} from './wire-entry.js'
import { child, childText, innerMarkup, localName, type XmlElement } from './wire-xml.js'
import { escapeHtml } from '../../platform/escape-html.js'
import { mapInSlices } from './time-slices.js'

function expectRoot(root: XmlElement, name: string): void {
  if (localName(root.name) !== name)
    throw new WireFeedError('malformed', `the root element is <${root.name}>, not <${name}>`)
}

/** RSS 2.0: `rss > channel > item`, body from `content:encoded` or `description`. */
export function parseRss(root: XmlElement, feedUrl?: string): Promise<WireEntry[]> {
  expectRoot(root, 'rss')
  const channel = child(root, 'channel')
  if (!channel) throw new WireFeedError('malformed', 'the RSS document has no <channel>')
  const channelLanguage = primaryLanguage(childText(channel, 'language'))
  const items = channel.children.filter((element) => element.name === 'item')
  return mapInSlices(items, (item) => {
    const link = httpUrl(childText(item, 'link'), feedUrl)
    const description = child(item, 'description')?.text ?? ''
    const encoded = child(item, 'content:encoded')?.text ?? ''
    const headline = childText(item, 'title')
    const guid = childText(item, 'guid') || link || contentId(headline, description)
    return {
      guid,
      version: 0,
      headlineHtml: escapeHtml(headline),
      summaryHtml: encoded ? description : '',
      bodyHtml: encoded || description,
      link,
      byline: childText(item, 'dc:creator') || childText(item, 'author') || null,
      publishedAt: isoDate(childText(item, 'pubDate')) ?? isoDate(childText(item, 'dc:date')),
      language: channelLanguage,
    }
  })
}

/** The HTML of an Atom text construct (`type` text, html or xhtml). */
function atomHtml(element: XmlElement | undefined): string {
  if (!element) return ''
  const type = element.attribs['type'] ?? 'text'
  if (type === 'xhtml') return innerMarkup(element)
  if (type === 'html') return element.text
  return textToHtml(element.text)
}

/** Atom 1.0: `feed > entry`, the alternate link, the content or else the summary. */
export function parseAtom(root: XmlElement, feedUrl?: string): Promise<WireEntry[]> {
  expectRoot(root, 'feed')
  const feedLanguage = primaryLanguage(root.attribs['xml:lang'])
  const entries = root.children.filter((element) => localName(element.name) === 'entry')
  return mapInSlices(entries, (entry) => {
    const links = entry.children.filter((element) => localName(element.name) === 'link')
    const alternate =
      links.find((link) => (link.attribs['rel'] ?? 'alternate') === 'alternate') ?? links[0]
    const link = httpUrl(alternate?.attribs['href'], feedUrl)
    const content = child(entry, 'content')
    const summary = child(entry, 'summary')
    const title = child(entry, 'title')
    const headline = atomHtml(title)
    const bodyHtml = atomHtml(content) || atomHtml(summary)
    return {
      guid: childText(entry, 'id') || link || contentId(headline, bodyHtml),
      version: 0,
      headlineHtml: headline,
      summaryHtml: content ? atomHtml(summary) : '',
      bodyHtml,
      link,
      byline: childText(child(entry, 'author') ?? entry, 'name') || null,
      publishedAt: isoDate(childText(entry, 'published')) ?? isoDate(childText(entry, 'updated')),
      language: primaryLanguage(entry.attribs['xml:lang']) ?? feedLanguage,
    }
  })
}
