import { escapeHtml } from '../../platform/escape-html.js'
import { directedHtml, type Feed } from './feed-model.js'
import { element, xmlAttributes } from './xml.js'

/** RSS 2.0 with Media RSS images, Dublin Core creators and an atom:link to itself. */
export function renderRss(feed: Feed): string {
  const items = feed.items.map((item) => {
    const image = item.image
      ? `<media:content${xmlAttributes({ url: item.image.url, medium: 'image', type: item.image.type, width: item.image.width, height: item.image.height })}>` +
        element('media:description', item.image.caption) +
        element('media:credit', item.image.credit, { role: 'photographer' }) +
        '</media:content>'
      : ''
    return (
      '<item>' +
      element('title', item.title) +
      element('link', item.url) +
      element('guid', item.guid, { isPermaLink: 'false' }) +
      element('pubDate', new Date(item.publishedAt).toUTCString()) +
      // Readers render a description as HTML: the summary is plain text (a dek, an excerpt), so it
      // is escaped as HTML, then as XML by `element`, and shows as the words that were typed.
      element('description', escapeHtml(item.summary)) +
      (item.contentHtml
        ? `<content:encoded><![CDATA[${cdata(directedHtml(feed, item.contentHtml))}]]></content:encoded>`
        : '') +
      item.authors.map((author) => element('dc:creator', author.name)).join('') +
      item.categories.map((category) => element('category', category)).join('') +
      image +
      '</item>'
    )
  })
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">' +
    '<channel>' +
    element('title', feed.title) +
    element('link', feed.homeUrl) +
    element('description', escapeHtml(feed.description)) +
    element('language', feed.language) +
    element('lastBuildDate', new Date(feed.updatedAt).toUTCString()) +
    `<atom:link${xmlAttributes({ href: feed.urls.rss, rel: 'self', type: 'application/rss+xml' })}/>` +
    items.join('') +
    '</channel></rss>\n'
  )
}

/** Text for a CDATA section: a `]]>` inside is split so it cannot end the section early. */
function cdata(text: string): string {
  return text.replace(/]]>/g, ']]]]><![CDATA[>')
}
