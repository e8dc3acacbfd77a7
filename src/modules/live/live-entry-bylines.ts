import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import type { LocalizedText } from '../../platform/localized-text.js'
import { findAuthorsOfUsers } from '../authors/author-queries.js'
import { findUsersByIds } from '../users/user-queries.js'
import type { LiveEntry } from './live-entry.js'

/** Who wrote an entry, as readers and the newsroom see it. */
export interface EntryByline {
  /** The writer's name in the newsroom. */
  userName: string
  /** Their byline profile, when they have one: its name per language links to its page. */
  author: { id: number; slug: string; name: LocalizedText } | null
}

/** The byline of each entry's writer, by user id; two queries for any number of entries. */
export async function findEntryBylines(
  db: Kysely<Database>,
  entries: readonly Pick<LiveEntry, 'authorUserId'>[],
): Promise<Map<number, EntryByline>> {
  const userIds = [
    ...new Set(
      entries.flatMap((entry) => (entry.authorUserId === null ? [] : [entry.authorUserId])),
    ),
  ]
  const [users, authors] = await Promise.all([
    findUsersByIds(db, userIds),
    findAuthorsOfUsers(db, userIds),
  ])
  return new Map(
    [...users.values()].map((user) => [
      user.id,
      { userName: user.name, author: authors.get(user.id) ?? null },
    ]),
  )
}
