import { describe, expect, it } from 'vitest'
import { diffLines, documentBlocks, valueLines } from './revision-diff.js'

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })

describe('comparing revisions', () => {
  it('reads the blocks of a document, inside lists and quotes too', () => {
    const document = {
      type: 'doc',
      content: [
        paragraph('First.'),
        { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('Item')] }] },
        { type: 'paragraph', content: [] },
        {
          type: 'heading',
          content: [
            { type: 'text', text: 'Bold ' },
            { type: 'text', text: 'part', marks: [{ type: 'bold' }] },
          ],
        },
      ],
    }
    expect(documentBlocks(document)).toEqual(['First.', 'Item', 'Bold part'])
  })

  it('marks what was taken out and put in, keeping what stayed', () => {
    expect(diffLines(['a', 'b', 'c'], ['a', 'x', 'c', 'd'])).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'added', text: 'x' },
      { kind: 'removed', text: 'b' },
      { kind: 'same', text: 'c' },
      { kind: 'added', text: 'd' },
    ])
    expect(diffLines([], [])).toEqual([])
    expect(diffLines(['gone'], [])).toEqual([{ kind: 'removed', text: 'gone' }])
  })

  it('shows other values as lines', () => {
    expect(valueLines('headline', 'A headline')).toEqual(['A headline'])
    expect(valueLines('sourceUrl', null)).toEqual([])
    expect(valueLines('authorIds', [3, 4])).toEqual(['3', '4'])
    expect(valueLines('seo', { title: 'T' })).toEqual(['title: T'])
    expect(valueLines('isBreaking', false)).toEqual(['false'])
  })
})
