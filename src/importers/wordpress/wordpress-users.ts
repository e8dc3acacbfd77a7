import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { NO_PASSWORD } from '../../modules/users/password.js'
import { linkAuthorToUser } from '../../modules/authors/author-queries.js'
import { createUser, findUserIdByEmail, normalizeEmail } from '../../modules/users/user-queries.js'
import { tally, type ImportReport } from '../import-report.js'
import type { WxrAuthor } from './wxr-records.js'

interface Scope {
  db: Kysely<Database>
  now: Date
  report: ImportReport
}

/**
 * Newsroom accounts for the export's authors (`--users`): role contributor, with a password no one
 * knows (the hash of random bytes, never shown), so that the person must set one through a
 * password reset before signing in. An address that already has an account keeps it. Each
 * imported author is tied to its account when it has none yet.
 */
export async function importWordPressUsers(
  scope: Scope,
  authors: WxrAuthor[],
  authorIds: Map<string, number>,
): Promise<void> {
  for (const author of authors) {
    const email = normalizeEmail(author.email)
    if (!email.includes('@')) {
      tally(scope.report.skipped, 'users without an email address')
      continue
    }
    let userId = await findUserIdByEmail(scope.db, email)
    if (!userId) {
      const user = {
        email,
        name: author.displayName,
        role: 'contributor' as const,
        passwordHash: NO_PASSWORD,
      }
      userId = await createUser(scope.db, user, scope.now)
      tally(scope.report.imported, 'users')
    }
    const authorId = authorIds.get(author.login)
    if (authorId) await linkAuthorToUser(scope.db, { authorId, userId })
  }
}
