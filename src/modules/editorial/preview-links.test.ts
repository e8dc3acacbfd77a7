import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { checkPreviewToken, signPreviewToken } from './preview-links.js'

const key = randomBytes(32)
const now = new Date('2026-06-15T12:00:00Z')
const expiresAt = new Date('2026-06-16T12:00:00Z')

describe('preview tokens', () => {
  it('names the article until the expiry, then says it has expired', () => {
    const token = signPreviewToken(key, { articleId: 42, expiresAt })
    expect(checkPreviewToken(key, token, now)).toEqual({ kind: 'valid', articleId: 42 })
    expect(checkPreviewToken(key, token, new Date('2026-06-16T11:59:59Z')).kind).toBe('valid')
    expect(checkPreviewToken(key, token, expiresAt)).toEqual({ kind: 'expired' })
  })

  it('refuses a token signed with another key, even before checking its expiry', () => {
    const token = signPreviewToken(randomBytes(32), { articleId: 42, expiresAt: now })
    expect(checkPreviewToken(key, token, expiresAt)).toEqual({ kind: 'invalid' })
  })

  it('refuses another spelling of the same signature bytes', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const token = signPreviewToken(key, { articleId: 42, expiresAt })
    // The last of 43 characters carries 4 bits; its 2 lowest are padding, ignored when decoding.
    const last = alphabet.indexOf(token.slice(-1))
    const respelled = `${token.slice(0, -1)}${alphabet[last ^ 1]}`
    expect(Buffer.from(respelled.split('.')[2]!, 'base64url')).toEqual(
      Buffer.from(token.split('.')[2]!, 'base64url'),
    )
    expect(checkPreviewToken(key, respelled, now)).toEqual({ kind: 'invalid' })
  })

  it('refuses malformed tokens', () => {
    for (const token of ['', '42', '42.1781611200', '42.x.y', `-1.1.${'a'.repeat(43)}`])
      expect(checkPreviewToken(key, token, now)).toEqual({ kind: 'invalid' })
  })
})
