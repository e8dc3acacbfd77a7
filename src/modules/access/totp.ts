import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
const STEP_SECONDS = 30
const DIGITS = 6

/** A new 160-bit secret in base32, as authenticator apps take it. */
export function generateTotpSecret(): string {
  const bytes = randomBytes(20)
  let bits = ''
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0')
  let secret = ''
  for (let index = 0; index + 5 <= bits.length; index += 5) {
    secret += BASE32_ALPHABET[parseInt(bits.slice(index, index + 5), 2)]
  }
  return secret
}

function decodeBase32(secret: string): Buffer {
  let bits = ''
  for (const character of secret.replace(/=+$/, '').toUpperCase()) {
    const value = BASE32_ALPHABET.indexOf(character)
    if (value === -1) throw new Error('invalid base32 secret')
    bits += value.toString(2).padStart(5, '0')
  }
  const bytes: number[] = []
  for (let index = 0; index + 8 <= bits.length; index += 8) {
    bytes.push(parseInt(bits.slice(index, index + 8), 2))
  }
  return Buffer.from(bytes)
}

/** The RFC 6238 code (HMAC-SHA1, 30-second steps, 6 digits) for a time. */
export function totpCode(secret: string, at: Date): string {
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(at.getTime() / 1000 / STEP_SECONDS)))
  const digest = createHmac('sha1', decodeBase32(secret)).update(counter).digest()
  const offset = (digest.at(-1) ?? 0) & 0x0f
  const value = (digest.readUInt32BE(offset) & 0x7fffffff) % 10 ** DIGITS
  return value.toString().padStart(DIGITS, '0')
}

/** Accepts the code of the current step or one step either side (clock drift). */
export function verifyTotpCode(secret: string, code: string, at: Date): boolean {
  const given = Buffer.from(code.replace(/\s/g, ''))
  return [-1, 0, 1].some((step) => {
    const expected = Buffer.from(
      totpCode(secret, new Date(at.getTime() + step * STEP_SECONDS * 1000)),
    )
    return given.length === expected.length && timingSafeEqual(given, expected)
  })
}

/** The otpauth:// URI an authenticator app reads from a QR code. */
export function totpUri(input: { secret: string; account: string; issuer: string }): string {
  const label = encodeURIComponent(`${input.issuer}:${input.account}`)
  const issuer = encodeURIComponent(input.issuer)
  return `otpauth://totp/${label}?secret=${input.secret}&issuer=${issuer}&algorithm=SHA1&digits=6&period=30`
}
