import type { Kysely, Selectable } from 'kysely'
import type { AuthorsTable, Database } from '../../db/database.js'
import { queryTemplate } from '../../db/query-template.js'
import { parseLocalized, type LocalizedText } from '../../platform/localized-text.js'

/** The longest name (and bio) of an author the API takes; importers fit theirs to it too. */
export const AUTHOR_TEXT_LENGTH = 2000

/** A byline profile; not necessarily a user of the newsroom. */
export interface Author {
  id: number
  slug: string
  name: LocalizedText
  bio: LocalizedText
  userId: number | null
  avatarMediaId: number | null
  links: Record<string, string>
}

export interface NewAuthor {
  slug: string
  name: LocalizedText
  bio?: LocalizedText
  userId?: number | null
  avatarMediaId?: number | null
  links?: Record<string, string>
}

function toAuthor(row: Selectable<AuthorsTable>): Author {
  return {
    id: row.id,
    slug: row.slug,
    name: parseLocalized(row.name),
    bio: parseLocalized(row.bio),
    userId: row.userId,
    avatarMediaId: row.avatarMediaId,
    links: parseLocalized(row.links),
  }
}

/** Creates a byline profile; returns its id. */
export async function createAuthor(
  db: Kysely<Database>,
  input: NewAuthor,
  now: Date,
): Promise<number> {
  const timestamp = now.toISOString()
  const { id } = await db
    .insertInto('authors')
    .values({
      slug: input.slug,
      name: JSON.stringify(input.name),
      bio: JSON.stringify(input.bio ?? {}),
      userId: input.userId ?? null,
      avatarMediaId: input.avatarMediaId ?? null,
      links: JSON.stringify(input.links ?? {}),
      createdAt: timestamp,
      updatedAt: timestamp,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** What a change to a byline profile may set; a localized field given replaces it whole. */
export type AuthorChanges = Partial<NewAuthor>

/** Changes a byline profile. */
export async function updateAuthor(
  db: Kysely<Database>,
  input: { id: number; changes: AuthorChanges },
  now: Date,
): Promise<void> {
  const { name, bio, links, ...plain } = input.changes
  await db
    .updateTable('authors')
    .set({
      ...plain,
      ...(name ? { name: JSON.stringify(name) } : {}),
      ...(bio ? { bio: JSON.stringify(bio) } : {}),
      ...(links ? { links: JSON.stringify(links) } : {}),
      updatedAt: now.toISOString(),
    })
    .where('id', '=', input.id)
    .execute()
}

/** The byline profile with this id, or undefined. */
export async function findAuthorById(
  db: Kysely<Database>,
  id: number,
): Promise<Author | undefined> {
  const row = await db.selectFrom('authors').selectAll().where('id', '=', id).executeTakeFirst()
  return row && toAuthor(row)
}

export async function findAuthorBySlug(
  db: Kysely<Database>,
  slug: string,
): Promise<Author | undefined> {
  const row = await db.selectFrom('authors').selectAll().where('slug', '=', slug).executeTakeFirst()
  return row && toAuthor(row)
}

/** Every author, by slug. */
export async function listAuthors(db: Kysely<Database>): Promise<Author[]> {
  const rows = await db.selectFrom('authors').selectAll().orderBy('slug').execute()
  return rows.map(toAuthor)
}

const authorsOfArticles = queryTemplate((db, p: { articleIds: number[] }) =>
  db
    .selectFrom('articleAuthors')
    .innerJoin('authors', 'authors.id', 'articleAuthors.authorId')
    .selectAll('authors')
    .select('articleAuthors.articleId')
    .where('articleAuthors.articleId', 'in', p.articleIds)
    .orderBy('articleAuthors.position'),
)

/** The bylines of each article, in byline order. */
export async function listAuthorsOfArticles(
  db: Kysely<Database>,
  articleIds: number[],
): Promise<Map<number, Author[]>> {
  const byArticle = new Map<number, Author[]>(articleIds.map((id) => [id, []]))
  if (articleIds.length === 0) return byArticle
  const rows = await authorsOfArticles.execute(db, { articleIds })
  for (const { articleId, ...author } of rows) byArticle.get(articleId)?.push(toAuthor(author))
  return byArticle
}

/** Each article's bylines as lists show them: id, slug and name, in byline order; one query. */
export async function listBylinesOfArticles(
  db: Kysely<Database>,
  articleIds: number[],
): Promise<Map<number, Pick<Author, 'id' | 'slug' | 'name'>[]>> {
  const byArticle = new Map<number, Pick<Author, 'id' | 'slug' | 'name'>[]>(
    articleIds.map((id) => [id, []]),
  )
  if (articleIds.length === 0) return byArticle
  const rows = await db
    .selectFrom('articleAuthors')
    .innerJoin('authors', 'authors.id', 'articleAuthors.authorId')
    .select(['articleAuthors.articleId', 'authors.id', 'authors.slug', 'authors.name'])
    .where('articleAuthors.articleId', 'in', articleIds)
    .orderBy('articleAuthors.position')
    .execute()
  for (const { articleId, id, slug, name } of rows) {
    byArticle.get(articleId)?.push({ id, slug, name: parseLocalized(name) })
  }
  return byArticle
}

/** Ties a byline profile to a newsroom account, unless it is tied to one already. */
export async function linkAuthorToUser(
  db: Kysely<Database>,
  input: { authorId: number; userId: number },
): Promise<void> {
  await db
    .updateTable('authors')
    .set({ userId: input.userId })
    .where('id', '=', input.authorId)
    .where('userId', 'is', null)
    .execute()
}

/** The byline profile tied to each of these newsroom accounts, for those that have one. */
export async function findAuthorsOfUsers(
  db: Kysely<Database>,
  userIds: number[],
): Promise<Map<number, Pick<Author, 'id' | 'slug' | 'name'>>> {
  if (userIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('authors')
    .select(['id', 'slug', 'name', 'userId'])
    .where('userId', 'in', [...new Set(userIds)])
    .orderBy('id')
    .execute()
  const byUser = new Map<number, Pick<Author, 'id' | 'slug' | 'name'>>()
  for (const { userId, id, slug, name } of rows)
    if (userId !== null && !byUser.has(userId))
      byUser.set(userId, { id, slug, name: parseLocalized(name) })
  return byUser
}
