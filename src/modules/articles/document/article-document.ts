/**
 * The structured article body: a ProseMirror document as TipTap produces it, limited to the node
 * and mark types Masthead renders. Anything else is refused on the way in.
 */
export type Mark = { type: 'bold' } | { type: 'italic' } | { type: 'link'; attrs: { href: string } }

export interface TextNode {
  type: 'text'
  text: string
  marks?: Mark[]
}

export interface HardBreakNode {
  type: 'hardBreak'
}

export type InlineNode = TextNode | HardBreakNode

export interface ParagraphNode {
  type: 'paragraph'
  content?: InlineNode[]
}

export interface HeadingNode {
  type: 'heading'
  attrs: { level: 2 | 3 | 4 }
  content?: InlineNode[]
}

export interface BlockquoteNode {
  type: 'blockquote'
  attrs?: { cite?: string }
  content: ParagraphNode[]
}

export interface PullQuoteNode {
  type: 'pullQuote'
  content?: InlineNode[]
}

/** A list item: paragraphs, and lists nested inside it (as TipTap's listItem allows). */
export interface ListItemNode {
  type: 'listItem'
  content: (ParagraphNode | ListNode)[]
}

export interface ListNode {
  type: 'bulletList' | 'orderedList'
  content: ListItemNode[]
}

/**
 * A picture of the body: a media item of the library, or, without `mediaId`, a picture kept at
 * its remote URL (an import that did not bring the file in), shown as it is.
 */
export interface ImageNode {
  type: 'image'
  attrs: {
    mediaId?: number
    src: string
    alt: string
    caption?: string
    credit?: string
    width?: number
    height?: number
  }
}

export interface GalleryNode {
  type: 'gallery'
  attrs: { galleryId: number }
}

/** A card for another story; headline and URL are copied in when the editor picks it. */
export interface RelatedArticleNode {
  type: 'relatedArticle'
  attrs: { articleId: number; headline: string; url: string }
}

export interface EmbedNode {
  type: 'embed'
  attrs: { url: string; provider: string }
}

/** A table cell: a header cell (`th`) or a data cell (`td`), with inline content only. */
export interface TableCellNode {
  type: 'tableHeader' | 'tableCell'
  attrs?: { colspan?: number; rowspan?: number }
  content?: InlineNode[]
}

export interface TableRowNode {
  type: 'tableRow'
  content: TableCellNode[]
}

/** A simple table: rows of cells, and an optional caption. */
export interface TableNode {
  type: 'table'
  attrs?: { caption?: string }
  content: TableRowNode[]
}

export interface HorizontalRuleNode {
  type: 'horizontalRule'
}

export type BlockNode =
  | ParagraphNode
  | HeadingNode
  | BlockquoteNode
  | PullQuoteNode
  | ListNode
  | ImageNode
  | GalleryNode
  | RelatedArticleNode
  | EmbedNode
  | TableNode
  | HorizontalRuleNode

export interface ArticleDocument {
  type: 'doc'
  content: BlockNode[]
}

/** A paragraph of plain text. */
export function paragraph(text: string): ParagraphNode {
  return text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' }
}
