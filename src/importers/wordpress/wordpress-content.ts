import type {
  ArticleDocument,
  BlockNode,
  ImageNode,
} from '../../modules/articles/document/article-document.js'
import { matchEmbed } from '../../modules/articles/document/embed-providers.js'
import {
  htmlToDocument,
  type ConversionReport,
  type ImageSource,
} from '../../modules/articles/document/html-to-document.js'
import { escapeHtml } from '../../platform/escape-html.js'
import { hasBlocks, parseBlocks, type WpBlock } from './wordpress-blocks.js'
import { linkTo, replaceShortcodes } from './wordpress-shortcodes.js'

/** What converting a post's content needs to know of the media already imported. */
export interface WordPressMediaLookup {
  /** The document image for an `<img>` of the content, when its file was imported. */
  resolveImage: (image: ImageSource) => ImageNode['attrs'] | undefined
  /** The media id of an attachment by its WordPress id. */
  mediaOfAttachment: (attachmentId: number) => number | undefined
  /** The attachments uploaded to this post, for a `[gallery]` that names none. */
  childAttachments: number[]
}

export interface WordPressConversion {
  document: ArticleDocument
  /** The media of each gallery, in the order of their placeholders' temporary ids (1, 2…). */
  galleries: number[][]
  /** Blocks Masthead has no equivalent for, kept as sanitised HTML, by name. */
  unknownBlocks: Record<string, number>
  /** Shortcodes left out (audio, video, playlist), by name. */
  droppedShortcodes: Record<string, number>
  report: ConversionReport
}

/** Blocks whose saved HTML already says what they are (the HTML conversion reads it). */
const HTML_BLOCKS = new Set([
  'paragraph', 'heading', 'list', 'list-item', 'quote', 'pullquote', 'table', 'separator',
  'image', 'code', 'preformatted', 'verse', 'html', 'freeform', 'group', 'column', 'columns',
  'shortcode', 'missing',
]) // prettier-ignore
/** Blocks with nothing for a reader of the article: layout spacing, page breaks. */
const EMPTY_BLOCKS = new Set(['spacer', 'more', 'nextpage'])
const IMAGE_TAG = /<img\b[^>]*>/gi
const AUTO_EMBED_LINE = /^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gm

function count(counts: Record<string, number>, name: string): void {
  counts[name] = (counts[name] ?? 0) + 1
}

function embedHtml(url: string): string {
  return matchEmbed(url) ? `<iframe src="${escapeHtml(url)}"></iframe>` : linkTo(url)
}

interface Context {
  media: WordPressMediaLookup
  galleries: number[][]
  unknownBlocks: Record<string, number>
  droppedShortcodes: Record<string, number>
}

function galleryPlaceholder(context: Context, mediaIds: number[]): string {
  context.galleries.push([...new Set(mediaIds)])
  return `<div class="gallery-block" data-gallery-id="${context.galleries.length}"></div>`
}

/** The media of the images in a gallery block's HTML: by `wp-image-<id>` class, else by src. */
function galleryMedia(html: string, media: WordPressMediaLookup): number[] {
  return [...html.matchAll(IMAGE_TAG)].flatMap(([tag]) => {
    const attachmentId = /wp-image-(\d+)/.exec(tag)?.[1]
    const byAttachment = attachmentId ? media.mediaOfAttachment(Number(attachmentId)) : undefined
    if (byAttachment) return [byAttachment]
    const src = /\ssrc=["']([^"']+)["']/i.exec(tag)?.[1]
    const image = src ? media.resolveImage({ src, alt: '' }) : undefined
    return image?.mediaId ? [image.mediaId] : []
  })
}

function renderParts(parts: (string | WpBlock)[], context: Context): string {
  return parts
    .map((part) => (typeof part === 'string' ? part : renderBlock(part, context)))
    .join('')
}

function renderBlock(block: WpBlock, context: Context): string {
  const inner = renderParts(block.parts, context)
  if (HTML_BLOCKS.has(block.name) || EMPTY_BLOCKS.has(block.name)) {
    return EMPTY_BLOCKS.has(block.name) ? '' : inner
  }
  if (block.name === 'gallery')
    return galleryPlaceholder(context, galleryMedia(inner, context.media))
  if (block.name === 'embed' || block.name.startsWith('core-embed/')) {
    const url = typeof block.attrs.url === 'string' ? block.attrs.url : ''
    return url ? embedHtml(url) : ''
  }
  count(context.unknownBlocks, block.name)
  return inner
}

/**
 * Converts a WordPress post's content to the article document: block markup (`<!-- wp:… -->`)
 * block by block, classic content with its automatic paragraphs and one-URL embed lines, and the
 * `[caption]`, `[gallery]` and `[embed]` shortcodes. Galleries come out as placeholders numbered
 * 1, 2… with their media listed, for the importer to store and then `withGalleryIds`.
 */
export function convertWordPressContent(
  content: string,
  media: WordPressMediaLookup,
): WordPressConversion {
  const context: Context = { media, galleries: [], unknownBlocks: {}, droppedShortcodes: {} }
  const isBlocks = hasBlocks(content)
  let html = isBlocks ? renderParts(parseBlocks(content), context) : content
  html = replaceShortcodes(html, {
    gallery: ({ ids }) =>
      galleryPlaceholder(
        context,
        (ids.length ? ids : media.childAttachments).flatMap((id) => {
          const mediaId = media.mediaOfAttachment(id)
          return mediaId ? [mediaId] : []
        }),
      ),
    embed: embedHtml,
    dropped: (name) => count(context.droppedShortcodes, name),
  })
  if (!isBlocks)
    html = html.replace(AUTO_EMBED_LINE, (line, url: string) =>
      matchEmbed(url) ? embedHtml(url) : line,
    )
  const { document, report } = htmlToDocument(html, {
    resolveImage: media.resolveImage,
    isAutoParagraph: !isBlocks,
  })
  const { galleries, unknownBlocks, droppedShortcodes } = context
  return { document, report, galleries, unknownBlocks, droppedShortcodes }
}

/**
 * The document with each gallery placeholder pointing at its stored gallery, or left out when it
 * has none (no image of it was imported). Galleries are top-level blocks only.
 */
export function withGalleryIds(
  document: ArticleDocument,
  galleryIds: (number | undefined)[],
): ArticleDocument {
  const content = document.content.flatMap((block): BlockNode[] => {
    if (block.type !== 'gallery') return [block]
    const galleryId = galleryIds[block.attrs.galleryId - 1]
    return galleryId ? [{ type: 'gallery', attrs: { galleryId } }] : []
  })
  return { type: 'doc', content }
}
