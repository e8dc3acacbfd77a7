import { describe, expect, it } from 'vitest'
import { analyzeText } from './analyze-text.js'
import { highlightText, snippetOf } from './highlight-text.js'

const terms = (query: string) => new Set(analyzeText(query))

describe('highlightText', () => {
  it('marks inflected and folded forms of the query words, keeping the text as written', () => {
    expect(highlightText('Elections: the elected council', terms('election'))).toEqual([
      { text: 'Elections', isMatch: true },
      { text: ': the ', isMatch: false },
      { text: 'elected', isMatch: true },
      { text: ' council', isMatch: false },
    ])
    expect(highlightText('افتُتِحت المدرسةُ الجديدة', terms('مدرسه'))).toEqual([
      { text: 'افتُتِحت ', isMatch: false },
      { text: 'المدرسةُ', isMatch: true },
      { text: ' الجديدة', isMatch: false },
    ])
  })

  it('leaves text without matches whole', () => {
    expect(highlightText('<b>x</b>', terms('y'))).toEqual([{ text: '<b>x</b>', isMatch: false }])
  })
})

describe('snippetOf', () => {
  it('cuts about thirty words around the matches', () => {
    const words = Array.from({ length: 100 }, (_, index) => `w${index}`)
    words[60] = 'harbour'
    const snippet = snippetOf(words.join(' '), terms('harbour'))
    expect(
      snippet
        .map((segment) => segment.text)
        .join('')
        .startsWith('… w56 '),
    ).toBe(true)
    expect(snippet.find((segment) => segment.isMatch)?.text).toBe('harbour')
    expect(snippet.at(-1)?.text.endsWith(' …')).toBe(true)
  })
})
