import { escapeHtml } from '../../../platform/escape-html.js'
import {
  BODY_IMAGE_SIZES,
  pictureParts,
  type ResponsiveImage,
} from '../../../platform/picture-markup.js'
import type {
  ArticleDocument,
  BlockNode,
  ImageNode,
  InlineNode,
  Mark,
  TableCellNode,
  TableNode,
} from './article-document.js'

// Site-relative paths, but not "//host" or "/\host", which browsers take to another site.
const SAFE_LINK = /^(https?:|mailto:|\/(?![/\\])|#)/i

function renderMark(mark: Mark, inner: string): string {
  switch (mark.type) {
    case 'bold':
      return `<strong>${inner}</strong>`
    case 'italic':
      return `<em>${inner}</em>`
    case 'link': {
      const href = mark.attrs.href.trim()
      if (!SAFE_LINK.test(href)) return inner
      const isExternal = /^https?:/i.test(href)
      const rel = isExternal ? ' rel="noopener noreferrer"' : ''
      return `<a href="${escapeHtml(href)}"${rel}>${inner}</a>`
    }
  }
}

function renderInline(nodes: InlineNode[] = []): string {
  return nodes
    .map((node) => {
      if (node.type === 'hardBreak') return '<br>'
      return (node.marks ?? []).reduceRight(
        (inner, mark) => renderMark(mark, inner),
        escapeHtml(node.text),
      )
    })
    .join('')
}

function renderCell(cell: TableCellNode): string {
  const tag = cell.type === 'tableHeader' ? 'th' : 'td'
  const span = (name: string, value: number | undefined) =>
    Number.isInteger(value) && Number(value) > 1 ? ` ${name}="${Number(value)}"` : ''
  const spans = span('colspan', cell.attrs?.colspan) + span('rowspan', cell.attrs?.rowspan)
  return `<${tag}${spans}>${renderInline(cell.content)}</${tag}>`
}

function renderTable(node: TableNode): string {
  const caption = node.attrs?.caption ? `<caption>${escapeHtml(node.attrs.caption)}</caption>` : ''
  const rows = node.content.map((row) => `<tr>${row.content.map(renderCell).join('')}</tr>`)
  return `<table>${caption}<tbody>${rows.join('')}</tbody></table>`
}

export interface RenderOptions {
  /** Responsive files of body images by media id; images without them keep their plain `src`. */
  images?: ReadonlyMap<number, ResponsiveImage>
  /**
   * The markup of the galleries and related-story cards the caller resolved, by gallery and
   * article id (the public site renders its components into them). Given, a block whose id is
   * absent (deleted, not live) renders nothing; without it, both render as placeholders.
   */
  resolved?: {
    galleries: ReadonlyMap<number, string>
    relatedCards: ReadonlyMap<number, string>
  }
}

function renderImage(node: ImageNode, options: RenderOptions): string {
  const { src, alt, caption, credit, width, height, mediaId } = node.attrs
  const credits = [
    caption ? escapeHtml(caption) : '',
    credit ? `<span class="credit">${escapeHtml(credit)}</span>` : '',
  ].filter(Boolean)
  const figcaption = credits.length ? `<figcaption>${credits.join(' ')}</figcaption>` : ''
  const size = width && height ? ` width="${width}" height="${height}"` : ''
  const rest = ` alt="${escapeHtml(alt)}"${size} loading="lazy" decoding="async">`
  const image = mediaId === undefined ? undefined : options.images?.get(mediaId)
  const picture = image
    ? (({ open, imgAttributes, close }) => `${open}<img ${imgAttributes}${rest}${close}`)(
        pictureParts(image, BODY_IMAGE_SIZES),
      )
    : `<img src="${escapeHtml(src)}"${rest}`
  // A remote picture (no media item) has no id to name.
  const id = mediaId === undefined ? '' : ` data-media-id="${mediaId}"`
  return `<figure class="image"${id}>${picture}${figcaption}</figure>`
}

function renderBlock(node: BlockNode, options: RenderOptions): string {
  switch (node.type) {
    case 'paragraph':
      return `<p>${renderInline(node.content)}</p>`
    case 'heading':
      return `<h${node.attrs.level}>${renderInline(node.content)}</h${node.attrs.level}>`
    case 'blockquote': {
      const cite = node.attrs?.cite ? `<footer>${escapeHtml(node.attrs.cite)}</footer>` : ''
      return `<blockquote>${node.content.map((child) => renderBlock(child, options)).join('')}${cite}</blockquote>`
    }
    case 'pullQuote':
      return `<aside class="pull-quote"><p>${renderInline(node.content)}</p></aside>`
    case 'bulletList':
    case 'orderedList': {
      const tag = node.type === 'bulletList' ? 'ul' : 'ol'
      const items = node.content.map(
        (item) => `<li>${item.content.map((child) => renderBlock(child, options)).join('')}</li>`,
      )
      return `<${tag}>${items.join('')}</${tag}>`
    }
    case 'image':
      return renderImage(node, options)
    case 'gallery':
      if (options.resolved) return options.resolved.galleries.get(node.attrs.galleryId) ?? ''
      return `<div class="gallery-block" data-gallery-id="${node.attrs.galleryId}"></div>`
    case 'relatedArticle': {
      const { articleId, headline, url } = node.attrs
      if (options.resolved) return options.resolved.relatedCards.get(articleId) ?? ''
      return (
        `<aside class="related-card" data-article-id="${articleId}">` +
        `<a href="${escapeHtml(url)}">${escapeHtml(headline)}</a></aside>`
      )
    }
    case 'embed':
      return (
        `<div class="embed" data-provider="${escapeHtml(node.attrs.provider)}">` +
        `<a href="${escapeHtml(node.attrs.url)}" rel="noopener noreferrer">${escapeHtml(node.attrs.url)}</a></div>`
      )
    case 'table':
      return renderTable(node)
    case 'horizontalRule':
      return '<hr>'
  }
}

/**
 * Renders a document to HTML. Every text and attribute is escaped and link schemes are checked, so
 * the output is safe by construction; blocks that need data from elsewhere (galleries, related
 * cards) are the markup given in `options.resolved`, else placeholders.
 */
export function renderDocumentHtml(document: ArticleDocument, options: RenderOptions = {}): string {
  return document.content.map((node) => renderBlock(node, options)).join('\n')
}

/** The plain text of a document, for excerpts, word counts and the search index. */
export function documentPlainText(document: ArticleDocument): string {
  const inlineText = (nodes: InlineNode[] = []) =>
    nodes.map((node) => (node.type === 'text' ? node.text : ' ')).join('')
  const blockText = (node: BlockNode): string => {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
      case 'pullQuote':
        return inlineText(node.content)
      case 'blockquote':
        return node.content.map(blockText).join('\n')
      case 'bulletList':
      case 'orderedList':
        return node.content.map((item) => item.content.map(blockText).join('\n')).join('\n')
      case 'table':
        return node.content
          .map((row) => row.content.map((cell) => inlineText(cell.content)).join(' '))
          .join('\n')
      default:
        return ''
    }
  }
  return document.content.map(blockText).filter(Boolean).join('\n')
}
