/** A block of the WordPress block editor, as its comment delimiters mark it in post content. */
export interface WpBlock {
  name: string
  attrs: Record<string, unknown>
  /** HTML between the delimiters, with the inner blocks in their places. */
  parts: (string | WpBlock)[]
}

const DELIMITER =
  /<!--\s+(\/)?wp:([a-z][a-z0-9_-]*(?:\/[a-z][a-z0-9_-]*)?)(\s+\{[\s\S]*?\})?\s*(\/)?-->/g

function parseAttrs(json: string | undefined): Record<string, unknown> {
  if (!json) return {}
  try {
    const value: unknown = JSON.parse(json)
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

/** Whether post content is written in blocks (and not in the classic editor). */
export function hasBlocks(content: string): boolean {
  return content.includes('<!-- wp:')
}

/**
 * Splits post content into its blocks, as WordPress's own block parser does: HTML outside any
 * block is kept as it is ("freeform"), an unclosed block ends where its parent ends.
 */
export function parseBlocks(content: string): (string | WpBlock)[] {
  const root: WpBlock = { name: '', attrs: {}, parts: [] }
  const stack: WpBlock[] = [root]
  let last = 0
  for (const match of content.matchAll(DELIMITER)) {
    const [whole, isClosing, rawName = '', json, isVoid] = match
    const current = stack.at(-1) as WpBlock
    if (match.index > last) current.parts.push(content.slice(last, match.index))
    last = match.index + whole.length
    const name = rawName.startsWith('core/') ? rawName.slice(5) : rawName
    if (isClosing) {
      const index = stack.findLastIndex((block) => block.name === name)
      if (index > 0) stack.length = index
      continue
    }
    const block: WpBlock = { name, attrs: parseAttrs(json), parts: [] }
    current.parts.push(block)
    if (!isVoid) stack.push(block)
  }
  const current = stack.at(-1) as WpBlock
  if (last < content.length) current.parts.push(content.slice(last))
  return root.parts
}
