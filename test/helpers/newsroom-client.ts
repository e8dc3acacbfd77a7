import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database, UserRole } from '../../src/db/database.js'
import { hashPassword } from '../../src/modules/users/password.js'
import { createUser } from '../../src/modules/users/user-queries.js'
import { nextSequence, TEST_NOW } from './factories.js'

export const TEST_PASSWORD = 'correct horse battery staple'
// One hash for every test account: argon2id is deliberately slow.
const passwordHash = hashPassword(TEST_PASSWORD)

export interface NewsroomClient {
  userId: number
  email: string
  /** Sends a request as this person: session cookie, and the CSRF token on writes. */
  request(options: InjectOptions): Promise<LightMyRequestResponse>
}

/** Adds an account with a role. */
export async function buildUser(
  db: Kysely<Database>,
  role: UserRole,
): Promise<{ id: number; email: string }> {
  const email = `${role}-${nextSequence()}@newsroom.example`
  const id = await createUser(
    db,
    { email, name: `Test ${role}`, role, passwordHash: await passwordHash },
    TEST_NOW,
  )
  return { id, email }
}

/** Pulls the session token out of a Set-Cookie header. */
export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((candidate) => candidate.name === 'masthead_session')
  if (!cookie) throw new Error(`no session cookie in ${response.statusCode} ${response.body}`)
  return `masthead_session=${cookie.value}`
}

/** Signs in through the API, as the admin app does. */
export async function signIn(
  app: FastifyInstance,
  account: { id: number; email: string },
): Promise<NewsroomClient> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/admin/session',
    payload: { email: account.email, password: TEST_PASSWORD },
  })
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.body}`)
  const cookie = sessionCookieOf(response)
  const { csrfToken } = response.json<{ csrfToken: string }>()
  return {
    userId: account.id,
    email: account.email,
    request: (options) =>
      app.inject({
        ...options,
        headers: { ...options.headers, cookie, 'x-csrf-token': csrfToken },
      }),
  }
}

/** A new account of this role, signed in. */
export async function signInAs(
  app: FastifyInstance,
  db: Kysely<Database>,
  role: UserRole,
): Promise<NewsroomClient> {
  return signIn(app, await buildUser(db, role))
}
