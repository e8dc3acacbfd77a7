/** A section's place in the tree, as the API lists it: parents before children, siblings in order. */
export interface TreeItem {
  id: number
  parentId: number | null
}

export type KeyboardMove = 'up' | 'down' | 'indent' | 'outdent'

/** Where a dragged section lands relative to the row it is dropped on. */
export type DropPlace = 'before' | 'after' | 'inside'

type Children = Map<number | null, number[]>

function childrenOf(items: readonly TreeItem[]): Children {
  const children: Children = new Map([[null, []]])
  for (const item of items) {
    const siblings = children.get(item.parentId) ?? []
    siblings.push(item.id)
    children.set(item.parentId, siblings)
  }
  return children
}

/** Lays the tree out again in list order (depth first), each item with its new parent. */
function flatten<T extends TreeItem>(items: readonly T[], children: Children): T[] {
  const byId = new Map(items.map((item) => [item.id, item]))
  const ordered: T[] = []
  const visit = (parentId: number | null) => {
    for (const id of children.get(parentId) ?? []) {
      const item = byId.get(id)
      if (!item) continue
      ordered.push(item.parentId === parentId ? item : { ...item, parentId })
      visit(id)
    }
  }
  visit(null)
  return ordered
}

/** Whether `candidate` is `id` itself or sits anywhere below it. */
function isWithin(items: readonly TreeItem[], candidate: number | null, id: number): boolean {
  const parentOf = new Map(items.map((item) => [item.id, item.parentId]))
  for (let at = candidate; at !== null && at !== undefined; at = parentOf.get(at) ?? null) {
    if (at === id) return true
  }
  return false
}

function detach(children: Children, items: readonly TreeItem[], id: number): void {
  const parentId = items.find((item) => item.id === id)?.parentId ?? null
  const siblings = children.get(parentId) ?? []
  children.set(
    parentId,
    siblings.filter((sibling) => sibling !== id),
  )
}

/**
 * The tree after a keyboard move, or undefined when the move is not possible there: up and down
 * swap with a sibling, indent puts the section under the sibling before it (as its last child),
 * outdent puts it right after its parent.
 */
export function moveSection<T extends TreeItem>(
  items: readonly T[],
  id: number,
  move: KeyboardMove,
): T[] | undefined {
  const item = items.find((candidate) => candidate.id === id)
  if (!item) return undefined
  const children = childrenOf(items)
  const siblings = [...(children.get(item.parentId) ?? [])]
  const index = siblings.indexOf(id)
  switch (move) {
    case 'up':
    case 'down': {
      const other = move === 'up' ? index - 1 : index + 1
      const otherId = siblings[other]
      if (otherId === undefined) return undefined
      siblings[other] = id
      siblings[index] = otherId
      children.set(item.parentId, siblings)
      return flatten(items, children)
    }
    case 'indent': {
      const newParent = siblings[index - 1]
      if (newParent === undefined) return undefined
      detach(children, items, id)
      children.set(newParent, [...(children.get(newParent) ?? []), id])
      return flatten(items, children)
    }
    case 'outdent': {
      if (item.parentId === null) return undefined
      const parent = items.find((candidate) => candidate.id === item.parentId)
      if (!parent) return undefined
      detach(children, items, id)
      const parentSiblings = [...(children.get(parent.parentId) ?? [])]
      parentSiblings.splice(parentSiblings.indexOf(parent.id) + 1, 0, id)
      children.set(parent.parentId, parentSiblings)
      return flatten(items, children)
    }
  }
}

/** The tree after dropping `id` on `targetId`, or undefined when that would put it under itself. */
export function dropSection<T extends TreeItem>(
  items: readonly T[],
  id: number,
  targetId: number,
  place: DropPlace,
): T[] | undefined {
  const target = items.find((candidate) => candidate.id === targetId)
  if (!target || !items.some((candidate) => candidate.id === id)) return undefined
  const newParent = place === 'inside' ? targetId : target.parentId
  if (id === targetId || isWithin(items, newParent, id)) return undefined
  const children = childrenOf(items)
  detach(children, items, id)
  const siblings = [...(children.get(newParent) ?? [])]
  if (place === 'inside') siblings.push(id)
  else siblings.splice(siblings.indexOf(targetId) + (place === 'after' ? 1 : 0), 0, id)
  children.set(newParent, siblings)
  return flatten(items, children)
}

/** How deep a section sits: 0 for a top-level one. */
export function depthOf(items: readonly TreeItem[], id: number): number {
  const parentOf = new Map(items.map((item) => [item.id, item.parentId]))
  let depth = 0
  for (let at = parentOf.get(id) ?? null; at !== null; at = parentOf.get(at) ?? null) {
    if (++depth > items.length) break
  }
  return depth
}

/** Whether two arrangements differ (another order or another parent somewhere). */
export function isSameArrangement(a: readonly TreeItem[], b: readonly TreeItem[]): boolean {
  return (
    a.length === b.length &&
    a.every((item, index) => item.id === b[index]?.id && item.parentId === b[index]?.parentId)
  )
}

/** What the reorder endpoint takes: every section with its parent, in list order. */
export function arrangementBody(items: readonly TreeItem[]): { items: TreeItem[] } {
  return { items: items.map(({ id, parentId }) => ({ id, parentId })) }
}

/** The tree with a new section placed last among its siblings (after its parent's subtree). */
export function withNewSection<T extends TreeItem>(items: readonly T[], added: T): T[] {
  const children = childrenOf([...items, added])
  return flatten([...items, added], children)
}
