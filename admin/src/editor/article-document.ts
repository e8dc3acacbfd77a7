import type { JSONContent } from '@tiptap/react'

/** The attributes the server's article document keeps, per node or mark type; others have none. */
const KEPT_ATTRIBUTES: Record<string, readonly string[]> = {
  heading: ['level'],
  blockquote: ['cite'],
  image: ['mediaId', 'src', 'alt', 'caption', 'credit', 'width', 'height'],
  gallery: ['galleryId'],
  relatedArticle: ['articleId', 'headline', 'url'],
  embed: ['url', 'provider'],
  table: ['caption'],
  tableCell: ['colspan', 'rowspan'],
  tableHeader: ['colspan', 'rowspan'],
  link: ['href'],
}

function keptAttributes(
  type: string,
  attrs: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  const names = KEPT_ATTRIBUTES[type]
  if (!names || !attrs) return undefined
  const kept = Object.fromEntries(
    names.flatMap((name) =>
      attrs[name] === null || attrs[name] === undefined ? [] : [[name, attrs[name]]],
    ),
  )
  return Object.keys(kept).length > 0 ? kept : undefined
}

/**
 * TipTap's JSON as the Admin API takes it for `bodyDoc`: the attributes TipTap adds for itself
 * (an ordered list's `start`, a link's `target` and `rel`, empty defaults) are left out, since
 * the server's document schema refuses unknown keys.
 */
export function toArticleDocument(node: JSONContent): JSONContent {
  const result: JSONContent = { type: node.type ?? 'doc' }
  const attrs = keptAttributes(result.type ?? '', node.attrs)
  if (attrs) result.attrs = attrs
  if (node.text !== undefined) result.text = node.text
  if (node.marks?.length)
    result.marks = node.marks.map((mark) => {
      const markAttrs = keptAttributes(mark.type, mark.attrs)
      return markAttrs ? { type: mark.type, attrs: markAttrs } : { type: mark.type }
    })
  if (node.content) result.content = node.content.map(toArticleDocument)
  return result
}

/** An empty body: one empty paragraph. */
export const EMPTY_DOCUMENT: JSONContent = { type: 'doc', content: [{ type: 'paragraph' }] }
