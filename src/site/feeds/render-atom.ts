import { directedHtml, type Feed } from './feed-model.js'
import { element, xmlAttributes } from './xml.js'

/** Atom 1.0 (RFC 4287), in the feed's language. */
export function renderAtom(feed: Feed): string {
  const entries = feed.items.map(
    (item) =>
      '<entry>' +
      element('id', item.guid) +
      element('title', item.title) +
      `<link${xmlAttributes({ rel: 'alternate', type: 'text/html', href: item.url })}/>` +
      element('published', item.publishedAt) +
      element('updated', item.updatedAt) +
      item.authors
        .map(
          (author) =>
            `<author>${element('name', author.name)}${element('uri', author.url)}</author>`,
        )
        .join('') +
      item.categories
        .map((category) => `<category${xmlAttributes({ term: category })}/>`)
        .join('') +
      element('summary', item.summary) +
      (item.contentHtml
        ? element('content', directedHtml(feed, item.contentHtml), { type: 'html' })
        : '') +
      '</entry>',
  )
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<feed xmlns="http://www.w3.org/2005/Atom"${xmlAttributes({ 'xml:lang': feed.language })}>` +
    element('id', feed.urls.atom) +
    element('title', feed.title) +
    element('subtitle', feed.description) +
    element('updated', feed.updatedAt) +
    `<link${xmlAttributes({ rel: 'self', type: 'application/atom+xml', href: feed.urls.atom })}/>` +
    `<link${xmlAttributes({ rel: 'alternate', type: 'text/html', href: feed.homeUrl })}/>` +
    `<author>${element('name', feed.title)}</author>` +
    entries.join('') +
    '</feed>\n'
  )
}
