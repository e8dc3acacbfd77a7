import { describe, expect, it } from 'vitest'
import { creditIn, mergeCredits } from './media-credit.js'

describe('the credit a page shows under a picture', () => {
  const item = { credit: 'Hani Mourad / Masthead', creditByLanguage: { ar: 'هاني مراد / ماستهد' } }

  it('is the credit in the page’s language when the item has one', () => {
    expect(creditIn(item, 'ar')).toBe('هاني مراد / ماستهد')
  })

  it('falls back to the one credit, never to another language’s form', () => {
    expect(creditIn(item, 'en')).toBe('Hani Mourad / Masthead')
    expect(creditIn({ credit: null, creditByLanguage: { ar: 'هاني مراد' } }, 'en')).toBeUndefined()
  })
})

describe('an edit of the credits per language', () => {
  it('replaces the forms it names, keeps the others and drops those it empties', () => {
    expect(mergeCredits({ ar: 'قديم', fr: 'Ancien' }, { ar: 'جديد', fr: '' })).toEqual({
      ar: 'جديد',
    })
  })
})
