import { describe, expect, it } from 'vitest'
import { detailsPayload, EMPTY_DETAILS } from './article-details.js'

describe('the details payload', () => {
  it('leaves blank overrides out, so the headline and dek apply', () => {
    const payload = detailsPayload({
      ...EMPTY_DETAILS,
      seo: { title: '  ', description: 'For search', socialTitle: '', socialDescription: '' },
    })
    expect(payload.seo).toEqual({ description: 'For search' })
    expect(payload).toMatchObject({ source: null, sourceUrl: null, pinnedPosition: null })
  })

  it('keeps a share image chosen elsewhere', () => {
    const seo = { ...EMPTY_DETAILS.seo, imageMediaId: 7 }
    expect(detailsPayload({ ...EMPTY_DETAILS, seo }).seo).toEqual({ imageMediaId: 7 })
  })

  it('sends ids as numbers, and a pin that is not a number as typed for the server to refuse', () => {
    const payload = detailsPayload({
      ...EMPTY_DETAILS,
      authorIds: [3, 1],
      sourceId: '5',
      sourceUrl: ' https://agency.example/item ',
      pinnedPosition: '2',
    })
    expect(payload).toMatchObject({
      authors: [3, 1],
      source: 5,
      sourceUrl: 'https://agency.example/item',
      pinnedPosition: 2,
    })
    expect(detailsPayload({ ...EMPTY_DETAILS, pinnedPosition: 'top' }).pinnedPosition).toBe('top')
  })
})
