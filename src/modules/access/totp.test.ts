import { describe, expect, it } from 'vitest'
import { generateTotpSecret, totpCode, verifyTotpCode } from './totp.js'

// RFC 6238 appendix B: the SHA-1 secret "12345678901234567890" in base32.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'

describe('TOTP', () => {
  it('matches the RFC 6238 test vectors (last six digits)', () => {
    expect(totpCode(RFC_SECRET, new Date(59_000))).toBe('287082')
    expect(totpCode(RFC_SECRET, new Date(1_111_111_109_000))).toBe('081804')
    expect(totpCode(RFC_SECRET, new Date(2_000_000_000_000))).toBe('279037')
  })

  it('accepts the neighbouring step and refuses codes further away', () => {
    const secret = generateTotpSecret()
    const now = new Date('2026-11-29T12:00:00Z')
    expect(verifyTotpCode(secret, totpCode(secret, new Date(now.getTime() - 30_000)), now)).toBe(
      true,
    )
    expect(verifyTotpCode(secret, totpCode(secret, new Date(now.getTime() + 90_000)), now)).toBe(
      false,
    )
    expect(verifyTotpCode(secret, 'abcdef', now)).toBe(false)
  })

  it('makes 32-character base32 secrets', () => {
    expect(generateTotpSecret()).toMatch(/^[A-Z2-7]{32}$/)
  })
})
