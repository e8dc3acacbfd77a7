import { parseDocument } from 'htmlparser2'
import { parseId } from '../../../http/common-schemas.js'
import type {
  ArticleDocument,
  BlockNode,
  ImageNode,
  ListItemNode,
  Mark,
  TableCellNode,
  TableRowNode,
} from './article-document.js'
import { createBlockBuilder, withMark, type BlockBuilder } from './block-builder.js'
import { matchEmbed } from './embed-providers.js'
import { toInline, toListItemContent, toParagraphs } from './flatten-blocks.js'
import {
  DROPPED_ELEMENTS,
  childElements,
  descendants,
  elementText,
  hasClass,
  isElement,
  isText,
  oneLine,
  type HtmlElement,
  type HtmlNode,
} from './html-dom.js'
import { safeImageSrc, safeLinkHref } from './safe-url.js'

/** What the caller is asked about an image found in the HTML. */
export interface ImageSource {
  src: string
  alt: string
  caption?: string
  credit?: string
}

export interface HtmlToDocumentOptions {
  /** Finds the media item of an image; undefined drops the image (and reports it). */
  resolveImage?: (image: ImageSource) => ImageNode['attrs'] | undefined
  /** Resolves relative URLs ("page.html") of links and images; without it they are dropped. */
  baseUrl?: string
  /**
   * Reads newlines in text as WordPress's classic editor writes them (wpautop): a blank line ends
   * a paragraph, a single newline is a line break. Otherwise they are spaces, as in a browser.
   */
  isAutoParagraph?: boolean
}

/** What the conversion left out, for importers to print and the API to log. */
export interface ConversionReport {
  /** Elements removed with their content (scripts, styles, forms, unknown iframes…), by tag. */
  droppedElements: Record<string, number>
  /** Elements outside the allowlist whose text was kept (span, div, font, u…), by tag. */
  unwrappedElements: Record<string, number>
  /** Link, image and citation URLs refused for their scheme (shortened to 200 characters). */
  droppedUrls: string[]
  /** Sources of images the resolver did not know. */
  unresolvedImages: string[]
}

export interface HtmlConversion {
  document: ArticleDocument
  report: ConversionReport
}

interface Context {
  options: HtmlToDocumentOptions
  report: ConversionReport
}

/** What an element passes down to its content. */
interface Scope {
  marks: Mark[]
  /** Whether newlines in text are line breaks (in `pre`, or everywhere with isAutoParagraph). */
  isPreformatted: boolean
  depth: number
  listDepth: number
}

const MAX_DEPTH = 200
const MAX_LIST_DEPTH = 4
const QUIET_WRAPPERS = new Set(['html', 'body', 'picture', 'tbody', 'thead', 'tfoot'])
const BLOCK_WRAPPERS = new Set([
  'address', 'article', 'aside', 'caption', 'center', 'dd', 'details', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'header', 'hgroup', 'legend', 'li', 'main', 'nav',
  'pre', 'section', 'summary', 'td', 'th', 'tr',
]) // prettier-ignore
const HEADING_LEVELS: Record<string, 2 | 3 | 4> = { h1: 2, h2: 2, h3: 3, h4: 4, h5: 4, h6: 4 }
const PULL_QUOTE_CLASSES = ['wp-block-pullquote', 'pullquote', 'pull-quote']
const EMBED_CLASSES = ['twitter-tweet', 'instagram-media', 'tiktok-embed', 'fb-post', 'fb-video']
const EMBED_URL_ATTRIBUTES = ['src', 'data-src', 'cite', 'data-instgrm-permalink', 'data-href']

function count(counts: Record<string, number>, tag: string): void {
  counts[tag] = (counts[tag] ?? 0) + 1
}

function dropUrl(context: Context, url: string): void {
  context.report.droppedUrls.push(url.length > 200 ? `${url.slice(0, 200)}…` : url)
}

function walkChildren(
  element: HtmlElement,
  scope: Scope,
  builder: BlockBuilder,
  context: Context,
): void {
  const inner = { ...scope, depth: scope.depth + 1 }
  for (const child of element.children) walk(child, inner, builder, context)
}

/** Converts an element's content in a builder of its own, for a container of the document. */
function convertInside(
  element: HtmlElement,
  scope: Scope,
  context: Context,
  skip: (child: HtmlElement) => boolean = () => false,
): BlockNode[] {
  const builder = createBlockBuilder({ hasEmbeds: false })
  const inner = { ...scope, depth: scope.depth + 1 }
  for (const child of element.children) {
    if (!isElement(child) || !skip(child)) walk(child, inner, builder, context)
  }
  return builder.finish()
}

function addAll(builder: BlockBuilder, blocks: BlockNode[]): void {
  for (const block of blocks) builder.addBlock(block)
}

function embedOfElement(element: HtmlElement): BlockNode | undefined {
  const candidates = [element, ...descendants(element)].flatMap((node) =>
    [...EMBED_URL_ATTRIBUTES, 'href'].map((name) => node.attribs[name] ?? ''),
  )
  for (const candidate of candidates) {
    const match = candidate ? matchEmbed(candidate) : undefined
    if (match) return { type: 'embed', attrs: match }
  }
  return undefined
}

function addHeading(element: HtmlElement, scope: Scope, builder: BlockBuilder, context: Context) {
  const moved: BlockNode[] = []
  const content = toInline(convertInside(element, scope, context), moved)
  const level = HEADING_LEVELS[element.name] ?? 4
  if (content.length) builder.addBlock({ type: 'heading', attrs: { level }, content })
  addAll(builder, moved)
}

function addPullQuote(element: HtmlElement, scope: Scope, builder: BlockBuilder, context: Context) {
  const moved: BlockNode[] = []
  const content = toInline(convertInside(element, scope, context), moved)
  if (content.length) builder.addBlock({ type: 'pullQuote', content })
  addAll(builder, moved)
}

function addQuote(element: HtmlElement, scope: Scope, builder: BlockBuilder, context: Context) {
  const isAttribution = (child: HtmlElement) => child.name === 'footer' || child.name === 'cite'
  const attributions = childElements(element).filter(isAttribution)
  const moved: BlockNode[] = []
  const content = toParagraphs(convertInside(element, scope, context, isAttribution), moved)
  let cite = attributions
    .map((child) => elementText(child))
    .join(' ')
    .trim()
  const citeUrl = element.attribs.cite
  if (!cite && citeUrl) {
    cite = safeLinkHref(citeUrl, context.options) ?? ''
    if (!cite) dropUrl(context, citeUrl)
  }
  if (content.length)
    builder.addBlock({ type: 'blockquote', ...(cite && { attrs: { cite } }), content })
  else if (cite) builder.addBlock({ type: 'paragraph', content: [{ type: 'text', text: cite }] })
  addAll(builder, moved)
}

function addList(element: HtmlElement, scope: Scope, builder: BlockBuilder, context: Context) {
  const listScope = { ...scope, listDepth: scope.listDepth + 1 }
  const canNest = listScope.listDepth < MAX_LIST_DEPTH
  const moved: BlockNode[] = []
  const items: ListItemNode[] = []
  for (const child of element.children) {
    // Text or elements straight inside <ul> (invalid, but common) make an item of their own, but a
    // list there belongs to the item before it.
    const isItem = isElement(child) && child.name === 'li'
    const itemBuilder = createBlockBuilder({ hasEmbeds: false })
    if (isItem) walkChildren(child, listScope, itemBuilder, context)
    else walk(child, listScope, itemBuilder, context)
    const content = toListItemContent(itemBuilder.finish(), canNest, moved)
    const previous = items.at(-1)
    const isNestedList = content[0]?.type === 'bulletList' || content[0]?.type === 'orderedList'
    if (!isItem && isNestedList && previous) previous.content.push(...content)
    else if (content.length) items.push({ type: 'listItem', content })
  }
  const type = element.name === 'ol' ? 'orderedList' : 'bulletList'
  if (items.length) builder.addBlock({ type, content: items })
  addAll(builder, moved)
}

function span(value: string | undefined): number | undefined {
  const number = /^\s*\d+\s*$/.test(value ?? '') ? Number(value) : 1
  return number > 1 ? Math.min(number, 1000) : undefined
}

function tableRow(row: HtmlElement, scope: Scope, context: Context, moved: BlockNode[]) {
  const cells = childElements(row)
    .filter((cell) => cell.name === 'td' || cell.name === 'th')
    .map((cell): TableCellNode => {
      const content = toInline(convertInside(cell, scope, context), moved)
      const colspan = span(cell.attribs.colspan)
      const rowspan = span(cell.attribs.rowspan)
      return {
        type: cell.name === 'th' ? 'tableHeader' : 'tableCell',
        ...((colspan || rowspan) && {
          attrs: { ...(colspan && { colspan }), ...(rowspan && { rowspan }) },
        }),
        ...(content.length && { content }),
      }
    })
  return cells.length ? [{ type: 'tableRow' as const, content: cells }] : []
}

function addTable(
  table: HtmlElement,
  caption: string,
  { scope, builder, context }: { scope: Scope; builder: BlockBuilder; context: Context },
) {
  const moved: BlockNode[] = []
  const sections = ['thead', 'tbody', 'tfoot']
  const rows: TableRowNode[] = childElements(table)
    .flatMap((child) => (sections.includes(child.name) ? childElements(child) : [child]))
    .filter((child) => child.name === 'tr')
    .flatMap((row) => tableRow(row, scope, context, moved))
  const captionElement = childElements(table).find((child) => child.name === 'caption')
  const text = [captionElement ? elementText(captionElement) : '', caption]
    .filter(Boolean)
    .join(' ')
  if (rows.length)
    builder.addBlock({ type: 'table', ...(text && { attrs: { caption: text } }), content: rows })
  else if (text) builder.addBlock({ type: 'paragraph', content: [{ type: 'text', text }] })
  addAll(builder, moved)
}

function addImage(
  image: HtmlElement,
  figcaption: HtmlElement | undefined,
  { builder, context }: { builder: BlockBuilder; context: Context },
) {
  const raw = image.attribs.src || image.attribs['data-src'] || ''
  const src = safeImageSrc(raw, context.options)
  if (!src) {
    if (raw) dropUrl(context, raw)
    else count(context.report.droppedElements, 'img')
    return
  }
  const isCredit = (element: HtmlElement) => hasClass(element, 'credit')
  const caption = figcaption ? elementText(figcaption, isCredit) : ''
  const credit = figcaption
    ? descendants(figcaption)
        .filter(isCredit)
        .map((e) => elementText(e))
    : []
  const attrs = context.options.resolveImage?.({
    src,
    alt: oneLine(image.attribs.alt ?? ''),
    ...(caption && { caption }),
    ...(credit.length && { credit: credit.join(' ') }),
  })
  if (attrs) builder.addBlock({ type: 'image', attrs })
  else context.report.unresolvedImages.push(src)
}

function addFigure(element: HtmlElement, scope: Scope, builder: BlockBuilder, context: Context) {
  const inner = descendants(element)
  const figcaption = childElements(element).find((child) => child.name === 'figcaption')
  const images = inner.filter((node) => node.name === 'img')
  const tables = inner.filter((node) => node.name === 'table')
  const hasNested = inner.some((node) => node.name === 'figure')
  const [image] = images
  if (image && images.length === 1 && !tables.length && !hasNested) {
    return addImage(image, figcaption, { builder, context })
  }
  const [table] = tables
  if (table && tables.length === 1 && !images.length && !hasNested) {
    const caption = figcaption ? elementText(figcaption) : ''
    return addTable(table, caption, { scope, builder, context })
  }
  builder.endParagraph()
  walkChildren(element, scope, builder, context)
  builder.endParagraph()
}

/** Elements whose meaning the document keeps; false when the element is not one of them. */
function convertKnown(
  element: HtmlElement,
  scope: Scope,
  builder: BlockBuilder,
  context: Context,
): boolean {
  const { name } = element
  if (name in HEADING_LEVELS) addHeading(element, scope, builder, context)
  else if (name === 'p') {
    builder.endParagraph()
    walkChildren(element, scope, builder, context)
    builder.endParagraph()
  } else if (name === 'strong' || name === 'b' || name === 'em' || name === 'i') {
    const mark: Mark = { type: name === 'strong' || name === 'b' ? 'bold' : 'italic' }
    walkChildren(element, { ...scope, marks: withMark(scope.marks, mark) }, builder, context)
  } else if (name === 'a') {
    const raw = element.attribs.href
    const href = raw === undefined ? undefined : safeLinkHref(raw, context.options)
    // A fragment ("#", "#note-1") is harmless but leads nowhere without ids: not worth a report.
    if (raw !== undefined && href === undefined && !raw.trim().startsWith('#'))
      dropUrl(context, raw)
    const marks = href ? withMark(scope.marks, { type: 'link', attrs: { href } }) : scope.marks
    walkChildren(element, { ...scope, marks }, builder, context)
  } else if (name === 'br') builder.addBreak()
  else if (name === 'hr') builder.addBlock({ type: 'horizontalRule' })
  else if (name === 'ul' || name === 'ol') addList(element, scope, builder, context)
  else if (name === 'img') addImage(element, undefined, { builder, context })
  else if (name === 'table') addTable(element, '', { scope, builder, context })
  else if (
    (name === 'blockquote' || name === 'figure' || name === 'aside') &&
    hasClass(element, ...PULL_QUOTE_CLASSES)
  ) {
    addPullQuote(element, scope, builder, context)
  } else if (name === 'blockquote' && !hasClass(element, ...EMBED_CLASSES)) {
    addQuote(element, scope, builder, context)
  } else if (name === 'figure') addFigure(element, scope, builder, context)
  else return convertPlaceholder(element, builder) || convertEmbed(element, builder)
  return true
}

/** The gallery and related-story placeholders that renderDocumentHtml writes. */
function convertPlaceholder(element: HtmlElement, builder: BlockBuilder): boolean {
  const id = (name: string) => parseId(element.attribs[name] ?? '') ?? 0
  const galleryId = id('data-gallery-id')
  if (element.name === 'div' && hasClass(element, 'gallery-block') && galleryId) {
    builder.addBlock({ type: 'gallery', attrs: { galleryId } })
    return true
  }
  const articleId = id('data-article-id')
  if (element.name !== 'aside' || !hasClass(element, 'related-card') || !articleId) return false
  const link = descendants(element).find((node) => node.name === 'a')
  const url = link?.attribs.href ? safeLinkHref(link.attribs.href) : undefined
  if (!link || !url) return false
  const headline = elementText(link)
  builder.addBlock({ type: 'relatedArticle', attrs: { articleId, headline, url } })
  return true
}

function convertEmbed(element: HtmlElement, builder: BlockBuilder): boolean {
  if (element.name !== 'iframe' && !hasClass(element, ...EMBED_CLASSES)) return false
  const embed = embedOfElement(element)
  if (embed) builder.addBlock(embed)
  return Boolean(embed)
}

function walk(node: HtmlNode, scope: Scope, builder: BlockBuilder, context: Context): void {
  if (isText(node)) return builder.addText(node.data, scope.marks, scope.isPreformatted)
  if (!isElement(node)) return
  const { name } = node
  const { report } = context
  if (scope.depth > MAX_DEPTH) {
    // Deeper than any real article: keep the words, without recursing further.
    count(report.unwrappedElements, name)
    return builder.addText(` ${elementText(node)} `, scope.marks)
  }
  if (convertKnown(node, scope, builder, context)) return
  if (DROPPED_ELEMENTS.has(name)) return count(report.droppedElements, name)
  if (!QUIET_WRAPPERS.has(name)) count(report.unwrappedElements, name)
  if (!BLOCK_WRAPPERS.has(name)) return walkChildren(node, scope, builder, context)
  builder.endParagraph()
  const isPreformatted = scope.isPreformatted || name === 'pre'
  walkChildren(node, { ...scope, isPreformatted }, builder, context)
  builder.endParagraph()
}

/**
 * Converts HTML (the newsroom API's body, a WordPress or Ghost post) to the article document, and
 * is the sanitiser of rich text on the way in: only what maps to a node or mark of the document
 * survives, links keep only safe schemes, images go through `resolveImage`, embeds are recognised
 * by provider. The report says what was left out.
 */
export function htmlToDocument(html: string, options: HtmlToDocumentOptions = {}): HtmlConversion {
  const report: ConversionReport = {
    droppedElements: {},
    unwrappedElements: {},
    droppedUrls: [],
    unresolvedImages: [],
  }
  const context: Context = { options, report }
  const builder = createBlockBuilder({ hasEmbeds: true })
  const isPreformatted = options.isAutoParagraph ?? false
  const scope: Scope = { marks: [], isPreformatted, depth: 0, listDepth: 0 }
  for (const node of parseDocument(html).children) walk(node, scope, builder, context)
  return { document: { type: 'doc', content: builder.finish() }, report }
}

/**
 * A body as the Admin API takes it, as a document: the editor's JSON document as given, or the
 * HTML converted (and so sanitised); undefined when neither was sent.
 */
export function documentOfBody(input: {
  body?: string
  bodyDoc?: ArticleDocument
}): ArticleDocument | undefined {
  if (input.bodyDoc) return input.bodyDoc
  return input.body === undefined ? undefined : htmlToDocument(input.body).document
}
