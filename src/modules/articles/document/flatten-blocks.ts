import type {
  BlockNode,
  InlineNode,
  ListItemNode,
  ListNode,
  ParagraphNode,
} from './article-document.js'
import { paragraph } from './article-document.js'

// Containers of the document accept fewer kinds of block than HTML puts in them: a quote holds
// paragraphs, a heading or a table cell inline content. These functions fit what was found into
// what is allowed, and hand back the blocks that cannot go inside (images, embeds, tables), which
// the caller places right after the container so that nothing is lost.

function isStandalone(block: BlockNode): boolean {
  return ['image', 'embed', 'gallery', 'relatedArticle', 'table'].includes(block.type)
}

function prefixed(content: InlineNode[] = [], prefix: string): InlineNode[] {
  const [first, ...rest] = content
  if (first?.type === 'text' && !first.marks)
    return [{ ...first, text: prefix + first.text }, ...rest]
  return [{ type: 'text', text: prefix }, ...content]
}

function listParagraphs(list: ListNode, moved: BlockNode[]): ParagraphNode[] {
  return list.content.flatMap((item, index) => {
    const [first, ...rest] = item.content.flatMap((block) => toParagraphs([block], moved))
    if (!first) return []
    const marker = list.type === 'orderedList' ? `${index + 1}. ` : '• '
    return [{ type: 'paragraph', content: prefixed(first.content, marker) }, ...rest]
  })
}

/** Blocks as paragraphs (for a quote): headings lose their level, list items get their marker. */
export function toParagraphs(blocks: BlockNode[], moved: BlockNode[]): ParagraphNode[] {
  return blocks.flatMap((block): ParagraphNode[] => {
    if (isStandalone(block)) {
      moved.push(block)
      return []
    }
    switch (block.type) {
      case 'paragraph':
        return [block]
      case 'heading':
      case 'pullQuote':
        return block.content?.length ? [{ type: 'paragraph', content: block.content }] : []
      case 'blockquote':
        return block.attrs?.cite ? [...block.content, paragraph(block.attrs.cite)] : block.content
      case 'bulletList':
      case 'orderedList':
        return listParagraphs(block, moved)
      default:
        return []
    }
  })
}

/** Blocks as the content of a list item: paragraphs, and lists while `canNest`. */
export function toListItemContent(
  blocks: BlockNode[],
  canNest: boolean,
  moved: BlockNode[],
): ListItemNode['content'] {
  return blocks.flatMap((block): ListItemNode['content'] => {
    const isList = block.type === 'bulletList' || block.type === 'orderedList'
    return isList && canNest ? [block] : toParagraphs([block], moved)
  })
}

/** Blocks as one run of inline content, a line break between two of them. */
export function toInline(blocks: BlockNode[], moved: BlockNode[]): InlineNode[] {
  return toParagraphs(blocks, moved).flatMap((block, index): InlineNode[] => [
    ...(index > 0 ? [{ type: 'hardBreak' as const }] : []),
    ...(block.content ?? []),
  ])
}
