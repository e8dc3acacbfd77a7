/** A line of a comparison: kept, taken out or put in. */
export interface DiffLine {
  kind: 'same' | 'removed' | 'added'
  text: string
}

interface DocumentNode {
  type?: string
  text?: string
  content?: DocumentNode[]
}

function textOf(node: DocumentNode): string {
  return node.text ?? (node.content ?? []).map(textOf).join('')
}

/** The text of each block of an article document (paragraphs, headings, list items, quotes). */
export function documentBlocks(document: unknown): string[] {
  const blocks: string[] = []
  const walk = (node: DocumentNode) => {
    const children = node.content ?? []
    const isTextBlock =
      children.length > 0 &&
      children.every((child) => child.type === 'text' || child.type === 'hardBreak')
    if (isTextBlock) blocks.push(textOf(node))
    else children.forEach(walk)
  }
  if (document && typeof document === 'object') walk(document)
  return blocks.filter((block) => block.trim() !== '')
}

/** Lines taken out and put in between two versions, by their longest common subsequence. */
export function diffLines(before: readonly string[], after: readonly string[]): DiffLine[] {
  // common[i][j]: the length of the longest common subsequence of before[i..] and after[j..].
  const common = Array.from({ length: before.length + 1 }, () =>
    new Array<number>(after.length + 1).fill(0),
  )
  for (let i = before.length - 1; i >= 0; i--)
    for (let j = after.length - 1; j >= 0; j--)
      common[i]![j] =
        before[i] === after[j]
          ? common[i + 1]![j + 1]! + 1
          : Math.max(common[i + 1]![j]!, common[i]![j + 1]!)
  const lines: DiffLine[] = []
  let i = 0
  let j = 0
  while (i < before.length || j < after.length) {
    if (i < before.length && j < after.length && before[i] === after[j]) {
      lines.push({ kind: 'same', text: before[i]! })
      i++
      j++
    } else if (
      j < after.length &&
      (i === before.length || common[i]![j + 1]! >= common[i + 1]![j]!)
    ) {
      lines.push({ kind: 'added', text: after[j]! })
      j++
    } else {
      lines.push({ kind: 'removed', text: before[i]! })
      i++
    }
  }
  return lines
}

/** A stored field value as lines of text, to compare two revisions field by field. */
export function valueLines(field: string, value: unknown): string[] {
  if (field === 'bodyDoc') return documentBlocks(value)
  if (value === null || value === undefined || value === '') return []
  if (Array.isArray(value)) return value.map(String)
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>).map(
      ([key, item]) => `${key}: ${typeof item === 'string' ? item : JSON.stringify(item)}`,
    )
  return [typeof value === 'string' ? value : JSON.stringify(value)]
}
