import { describe, expect, it } from 'vitest'
import { cropRegion, widthsFor, VARIANT_WIDTHS } from './media-variants.js'

describe('widthsFor', () => {
  it('keeps the standard widths that fit and never enlarges', () => {
    expect(widthsFor(4000, VARIANT_WIDTHS)).toEqual([320, 640, 960, 1280, 1920])
    expect(widthsFor(1000, VARIANT_WIDTHS)).toEqual([320, 640, 960])
    expect(widthsFor(200, VARIANT_WIDTHS)).toEqual([200])
  })
})

describe('cropRegion', () => {
  const size = { width: 2400, height: 1200 }

  it('cuts the largest region of the ratio, centred on the focal point', () => {
    expect(cropRegion(size, 1, { x: 0.5, y: 0.5 })).toEqual({
      left: 600,
      top: 0,
      width: 1200,
      height: 1200,
    })
  })

  it('slides the region to the picture edge when the focal point is near it', () => {
    expect(cropRegion(size, 1, { x: 0.95, y: 0.5 }).left).toBe(1200)
    expect(cropRegion(size, 1, { x: 0, y: 0.5 }).left).toBe(0)
    expect(cropRegion({ width: 1000, height: 2000 }, 16 / 9, { x: 0.5, y: 0.1 })).toEqual({
      left: 0,
      top: 0,
      width: 1000,
      height: 563,
    })
  })
})
