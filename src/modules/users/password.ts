import { randomBytes } from 'node:crypto'

/** argon2id with the OWASP-recommended minimums (19 MiB, 2 passes). */
// `algorithm: 2` is Algorithm.Argon2id, a const enum that isolated modules cannot import.
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export const SHORTEST_PASSWORD = 12

/** The hash of an account nobody can sign in to until a password is set (by a reset link). */
export const NO_PASSWORD = ''

/** Loaded at the first sign-in or new password, not at start: its native module costs 3–4 MB. */
const argon2 = () => import('@node-rs/argon2')

export async function hashPassword(password: string): Promise<string> {
  const { hash } = await argon2()
  return hash(password, ARGON2_OPTIONS)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  const { verify } = await argon2()
  return verify(passwordHash, password).catch(() => false)
}

/** A random password for a generated first account: 20 characters, easy to copy. */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url')
}
