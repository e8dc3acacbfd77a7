import { escapeHtml } from '../../platform/escape-html.js'
import type { GhostPost } from './ghost-export.js'

interface LexicalNode {
  type?: string
  text?: string
  tag?: string
  listType?: string
  src?: string
  alt?: string
  caption?: string
  url?: string
  html?: string
  children?: LexicalNode[]
}

const LEXICAL_BLOCKS: Record<string, string> = {
  paragraph: 'p',
  quote: 'blockquote',
  listitem: 'li',
  aside: 'blockquote',
}

function lexicalHtml(node: LexicalNode): string {
  const inner = (node.children ?? []).map(lexicalHtml).join('')
  switch (node.type) {
    case 'text':
      return escapeHtml(node.text ?? '')
    case 'linebreak':
      return '<br>'
    case 'link':
      return `<a href="${escapeHtml(node.url ?? '')}">${inner}</a>`
    case 'heading':
      return `<${node.tag ?? 'h2'}>${inner}</${node.tag ?? 'h2'}>`
    case 'list':
      return node.listType === 'number' ? `<ol>${inner}</ol>` : `<ul>${inner}</ul>`
    case 'image':
      return `<figure><img src="${escapeHtml(node.src ?? '')}" alt="${escapeHtml(node.alt ?? '')}"><figcaption>${node.caption ?? ''}</figcaption></figure>`
    case 'html':
      return node.html ?? ''
    case 'horizontalrule':
      return '<hr>'
    default: {
      const tag = LEXICAL_BLOCKS[node.type ?? '']
      return tag ? `<${tag}>${inner}</${tag}>` : inner
    }
  }
}

interface Mobiledoc {
  markers?: unknown[]
  sections?: unknown[][]
  cards?: [string, Record<string, unknown>][]
}

/** Text sections and the markdown/HTML cards of a mobiledoc, as simple HTML. */
function mobiledocHtml(doc: Mobiledoc): string {
  return (doc.sections ?? [])
    .map((section) => {
      const [kind, tagOrIndex, markers] = section as [number, string | number, unknown[][]]
      if (kind === 10) {
        const card = doc.cards?.[Number(tagOrIndex)]
        const payload = card?.[1] ?? {}
        if (card?.[0] === 'html' && typeof payload.html === 'string') return payload.html
        if (card?.[0] === 'image' && typeof payload.src === 'string')
          return `<figure><img src="${escapeHtml(payload.src)}" alt=""></figure>`
        if (typeof payload.markdown === 'string')
          return payload.markdown
            .split(/\n{2,}/)
            .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
            .join('')
        return ''
      }
      const words = (markers ?? [])
        .map(([, , , value]) => (typeof value === 'string' ? escapeHtml(value) : ''))
        .join('')
      const tag =
        typeof tagOrIndex === 'string' && /^(h[1-6]|p|blockquote)$/.test(tagOrIndex)
          ? tagOrIndex
          : 'p'
      return `<${tag}>${words}</${tag}>`
    })
    .join('')
}

/**
 * The HTML of a Ghost post: Ghost's own rendering when the export has it, else rendered here
 * from the Lexical or the mobiledoc source (older exports).
 */
export function ghostPostHtml(post: GhostPost): string {
  if (post.html) return post.html
  try {
    if (post.lexical) {
      const lexical = JSON.parse(post.lexical) as { root?: LexicalNode }
      return lexical.root ? lexicalHtml(lexical.root) : ''
    }
    if (post.mobiledoc) return mobiledocHtml(JSON.parse(post.mobiledoc) as Mobiledoc)
  } catch {
    return ''
  }
  return ''
}
