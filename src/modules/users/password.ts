import { hash, verify } from '@node-rs/argon2'
import { randomBytes } from 'node:crypto'

/** argon2id with the OWASP-recommended minimums (19 MiB, 2 passes). */
// `algorithm: 2` is Algorithm.Argon2id, a const enum that isolated modules cannot import.
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export const SHORTEST_PASSWORD = 12

/** The hash of an account nobody can sign in to until a password is set (by a reset link). */
export const NO_PASSWORD = ''

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS)
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false)
}

/** A random password for a generated first account: 20 characters, easy to copy. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url')
}
