import type { BlockNode, InlineNode, Mark, TextNode } from './article-document.js'
import { matchEmbed } from './embed-providers.js'
import { cleanText } from './html-dom.js'

/** Collects blocks, and the run of inline content that becomes the next paragraph. */
export interface BlockBuilder {
  addText(text: string, marks: Mark[], isPreformatted?: boolean): void
  addBreak(): void
  addBlock(block: BlockNode): void
  /** Ends the paragraph in progress, if any (an element boundary such as `</p>` or `<div>`). */
  endParagraph(): void
  finish(): BlockNode[]
}

const MARK_ORDER: Mark['type'][] = ['link', 'bold', 'italic']

/** The marks with one added (replacing one of its type), in the order the document keeps them. */
export function withMark(marks: Mark[], mark: Mark): Mark[] {
  return [...marks.filter((existing) => existing.type !== mark.type), mark].sort(
    (a, b) => MARK_ORDER.indexOf(a.type) - MARK_ORDER.indexOf(b.type),
  )
}

function sameMarks(a: Mark[] = [], b: Mark[] = []): boolean {
  return (
    a.length === b.length &&
    a.every((mark, index) => {
      const other = b[index]
      if (mark.type !== other?.type) return false
      return mark.type !== 'link' || (other.type === 'link' && mark.attrs.href === other.attrs.href)
    })
  )
}

const isBreak = (node: InlineNode | undefined) => node?.type === 'hardBreak'

function trimEnd(run: InlineNode[]): void {
  const last = run.at(-1)
  if (last?.type !== 'text' || !last.text.endsWith(' ')) return
  last.text = last.text.slice(0, -1)
  if (!last.text) run.pop()
}

/** Splits a run at two or more line breaks (old-style paragraphs) and trims breaks at the edges. */
function splitParagraphs(run: InlineNode[]): InlineNode[][] {
  const parts: InlineNode[][] = [[]]
  run.forEach((node, index) => {
    const isDoubleBreak = isBreak(node) && (isBreak(run[index - 1]) || isBreak(run[index + 1]))
    if (isDoubleBreak) parts.push([])
    else parts.at(-1)?.push(node)
  })
  return parts
    .map((part) => {
      while (isBreak(part[0])) part.shift()
      while (isBreak(part.at(-1))) part.pop()
      return part
    })
    .filter((part) => part.some((node) => node.type === 'text' && /\S/.test(node.text)))
}

/** A paragraph that is nothing but the URL of a known post or video becomes its embed. */
function embedOf(part: InlineNode[]): BlockNode | undefined {
  const [node] = part
  if (part.length !== 1 || node?.type !== 'text' || /\s/.test(node.text)) return undefined
  const match = matchEmbed(node.text)
  if (!match) return undefined
  const isPlainOrLink = (node.marks ?? []).every(
    (mark) => mark.type === 'link' && matchEmbed(mark.attrs.href)?.url === match.url,
  )
  return isPlainOrLink ? { type: 'embed', attrs: match } : undefined
}

/**
 * A builder of blocks that collapses whitespace as a browser does: runs of spaces become one, and
 * spaces at the start and end of a line go. `hasEmbeds` turns lone provider URLs into embeds.
 */
export function createBlockBuilder({ hasEmbeds }: { hasEmbeds: boolean }): BlockBuilder {
  const blocks: BlockNode[] = []
  let run: InlineNode[] = []

  const appendText = (raw: string, marks: Mark[]) => {
    const last = run.at(-1)
    const isLineStart = !last || last.type === 'hardBreak' || last.text.endsWith(' ')
    const text = isLineStart ? raw.replace(/^ /, '') : raw
    if (!text) return
    if (last?.type === 'text' && sameMarks(last.marks, marks)) {
      last.text += text
      return
    }
    const node: TextNode = { type: 'text', text }
    if (marks.length) node.marks = marks.map((mark) => ({ ...mark }))
    run.push(node)
  }

  const builder: BlockBuilder = {
    addText(text, marks, isPreformatted = false) {
      const clean = cleanText(text)
      if (!isPreformatted) return appendText(clean.replace(/[ \t\n\r\f]+/g, ' '), marks)
      clean.split(/\r\n?|\n/).forEach((line, index) => {
        if (index > 0) builder.addBreak()
        appendText(line.replace(/[ \t\f]+/g, ' '), marks)
      })
    },
    addBreak() {
      trimEnd(run)
      run.push({ type: 'hardBreak' })
    },
    addBlock(block) {
      builder.endParagraph()
      blocks.push(block)
    },
    endParagraph() {
      trimEnd(run)
      for (const part of splitParagraphs(run)) {
        const embed = hasEmbeds ? embedOf(part) : undefined
        blocks.push(embed ?? { type: 'paragraph', content: part })
      }
      run = []
    },
    finish() {
      builder.endParagraph()
      return blocks
    },
  }
  return builder
}
