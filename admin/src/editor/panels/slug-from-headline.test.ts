import { describe, expect, it } from 'vitest'
import { slugForHeadline } from './slug-from-headline.js'

describe('the slug while the headline is typed', () => {
  it('follows the headline, in Arabic too, without harakat or punctuation', () => {
    expect(
      slugForHeadline({
        slug: '',
        previousHeadline: '',
        headline: 'Council approves the bridge',
        hasBeenPublished: false,
      }),
    ).toBe('council-approves-the-bridge')
    expect(
      slugForHeadline({
        slug: 'مجلس',
        previousHeadline: 'مجلس',
        headline: 'مجلسُ المدينةِ يُقرّ الجسر، اليوم',
        hasBeenPublished: false,
      }),
    ).toBe('مجلس-المدينة-يقر-الجسر-اليوم')
  })

  it('leaves a slug edited by hand alone', () => {
    expect(
      slugForHeadline({
        slug: 'bridge-vote',
        previousHeadline: 'Council approves the bridge',
        headline: 'Council approves the new bridge',
        hasBeenPublished: false,
      }),
    ).toBe('bridge-vote')
  })

  it('never changes the slug of an article that has been published', () => {
    expect(
      slugForHeadline({
        slug: 'council-approves-the-bridge',
        previousHeadline: 'Council approves the bridge',
        headline: 'Council approves the new bridge',
        hasBeenPublished: true,
      }),
    ).toBe('council-approves-the-bridge')
  })
})
