import { describe, expect, it } from 'vitest'
import {
  arrangementBody,
  depthOf,
  dropSection,
  isSameArrangement,
  moveSection,
  withNewSection,
  type TreeItem,
} from './section-tree.js'

// News (1) › World (2), Business (3); Sport (4); Culture (5)
const TREE: TreeItem[] = [
  { id: 1, parentId: null },
  { id: 2, parentId: 1 },
  { id: 3, parentId: 1 },
  { id: 4, parentId: null },
  { id: 5, parentId: null },
]

const shape = (items: TreeItem[] | undefined) =>
  items?.map((item) => `${item.id}${item.parentId === null ? '' : `<${item.parentId}`}`)

describe('keyboard moves in the section tree', () => {
  it('moves a top-level section up, carrying its children with it', () => {
    expect(shape(moveSection(TREE, 4, 'up'))).toEqual(['4', '1', '2<1', '3<1', '5'])
  })

  it('moves a child down among its siblings only', () => {
    expect(shape(moveSection(TREE, 2, 'down'))).toEqual(['1', '3<1', '2<1', '4', '5'])
    expect(moveSection(TREE, 3, 'down')).toBeUndefined()
    expect(moveSection(TREE, 1, 'up')).toBeUndefined()
  })

  it('indents under the sibling before, as its last child', () => {
    expect(shape(moveSection(TREE, 4, 'indent'))).toEqual(['1', '2<1', '3<1', '4<1', '5'])
    expect(shape(moveSection(TREE, 3, 'indent'))).toEqual(['1', '2<1', '3<2', '4', '5'])
    expect(moveSection(TREE, 1, 'indent')).toBeUndefined()
  })

  it('outdents to just after the parent', () => {
    expect(shape(moveSection(TREE, 2, 'outdent'))).toEqual(['1', '3<1', '2', '4', '5'])
    expect(moveSection(TREE, 4, 'outdent')).toBeUndefined()
  })

  it('keeps the other fields of each item', () => {
    const named = TREE.map((item) => ({ ...item, name: `s${item.id}` }))
    expect(moveSection(named, 2, 'outdent')?.find((item) => item.id === 2)).toEqual({
      id: 2,
      parentId: null,
      name: 's2',
    })
  })
})

describe('dropping a dragged section', () => {
  it('drops before, after and inside another section', () => {
    expect(shape(dropSection(TREE, 5, 1, 'before'))).toEqual(['5', '1', '2<1', '3<1', '4'])
    expect(shape(dropSection(TREE, 2, 4, 'after'))).toEqual(['1', '3<1', '4', '2', '5'])
    expect(shape(dropSection(TREE, 1, 5, 'inside'))).toEqual(['4', '5', '1<5', '2<1', '3<1'])
  })

  it('refuses to put a section on or under itself', () => {
    expect(dropSection(TREE, 1, 2, 'inside')).toBeUndefined()
    expect(dropSection(TREE, 1, 3, 'after')).toBeUndefined()
    expect(dropSection(TREE, 1, 1, 'before')).toBeUndefined()
  })
})

describe('the arrangement sent to the API', () => {
  it('lists every section with its parent, and tells a change from none', () => {
    const moved = moveSection(TREE, 4, 'up') ?? []
    expect(arrangementBody(moved).items[0]).toEqual({ id: 4, parentId: null })
    expect(isSameArrangement(TREE, [...TREE])).toBe(true)
    expect(isSameArrangement(TREE, moved)).toBe(false)
    expect(depthOf(moveSection(TREE, 3, 'indent') ?? [], 3)).toBe(2)
  })
})

describe('a section added in the settings', () => {
  it("goes last among its siblings, after its parent's other children", () => {
    expect(shape(withNewSection(TREE, { id: 6, parentId: 1 }))).toEqual([
      '1',
      '2<1',
      '3<1',
      '6<1',
      '4',
      '5',
    ])
    expect(shape(withNewSection(TREE, { id: 6, parentId: null }))?.at(-1)).toBe('6')
  })
})
