import { describe, expect, it } from 'vitest'
import { drawQrCode } from './qr-code.js'

const URI =
  'otpauth://totp/Masthead%3Adesk%40news.example?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Masthead&algorithm=SHA1&digits=6&period=30'

/** The dark modules of a drawing, as `column,row` (margin included). */
function darkModules(path: string): Set<string> {
  return new Set([...path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)].map((m) => `${m[1]},${m[2]}`))
}

/** Whether a 7×7 finder pattern (dark ring, light ring, dark 3×3 centre) starts at `x,y`. */
function hasFinderAt(dark: Set<string>, x: number, y: number): boolean {
  for (let row = 0; row < 7; row++) {
    for (let column = 0; column < 7; column++) {
      const ring = Math.max(Math.abs(row - 3), Math.abs(column - 3))
      if (dark.has(`${x + column},${y + row}`) !== (ring !== 2)) return false
    }
  }
  return true
}

describe('the QR code of a two-factor set-up link', () => {
  it('draws a QR code with its three finder patterns inside a four-module margin', () => {
    const { size, path } = drawQrCode(URI)
    const dark = darkModules(path)
    const side = size - 8
    // Versions grow by four modules from 21; this URI needs a version between 5 and 10.
    expect((side - 21) % 4).toBe(0)
    expect(side).toBeGreaterThanOrEqual(37)
    expect(side).toBeLessThanOrEqual(57)
    expect(hasFinderAt(dark, 4, 4)).toBe(true)
    expect(hasFinderAt(dark, 4 + side - 7, 4)).toBe(true)
    expect(hasFinderAt(dark, 4, 4 + side - 7)).toBe(true)
    expect([...dark].every((key) => key.split(',').every((n) => +n >= 4 && +n < 4 + side))).toBe(
      true,
    )
  })

  it('draws the same link the same way, and another secret differently', () => {
    expect(drawQrCode(URI)).toEqual(drawQrCode(URI))
    expect(drawQrCode(URI.replace('JBSWY3DP', 'KRSXG5CT')).path).not.toBe(drawQrCode(URI).path)
  })
})
