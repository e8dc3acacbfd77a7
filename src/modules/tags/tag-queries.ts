import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { queryTemplate } from '../../db/query-template.js'
import { slugify } from '../../platform/slugify.js'

/** The longest tag name the API takes; importers fit theirs to it too. */
export const TAG_NAME_LENGTH = 100

export interface Tag {
  id: number
  language: string
  name: string
  slug: string
}

const TAG_COLUMNS = ['tags.id', 'tags.language', 'tags.name', 'tags.slug'] as const

/**
 * The tags of `language` with these names, created when missing (editors type tag names, not ids).
 * Returned in the order of `names`, without duplicates.
 */
export async function findOrCreateTags(
  db: Kysely<Database>,
  input: { language: string; names: string[] },
  now: Date,
): Promise<Tag[]> {
  const wanted = new Map<string, string>()
  for (const name of input.names.map((raw) => raw.trim()).filter(Boolean)) {
    const slug = slugify(name)
    if (slug && !wanted.has(slug)) wanted.set(slug, name)
  }
  if (wanted.size === 0) return []
  const slugs = [...wanted.keys()]
  await db
    .insertInto('tags')
    .values(
      slugs.map((slug) => ({
        language: input.language,
        name: wanted.get(slug) ?? slug,
        slug,
        createdAt: now.toISOString(),
      })),
    )
    .onConflict((conflict) => conflict.columns(['language', 'slug']).doNothing())
    .execute()
  const tags = await db
    .selectFrom('tags')
    .select(TAG_COLUMNS)
    .where('language', '=', input.language)
    .where('slug', 'in', slugs)
    .execute()
  return slugs.flatMap((slug) => tags.filter((tag) => tag.slug === slug))
}

/** The tag with this slug in this edition, or undefined. */
export async function findTagBySlug(
  db: Kysely<Database>,
  language: string,
  slug: string,
): Promise<Tag | undefined> {
  return db
    .selectFrom('tags')
    .select(TAG_COLUMNS)
    .where('language', '=', language)
    .where('slug', '=', slug)
    .executeTakeFirst()
}

/** A tag as the newsroom edits it: with its description. */
export interface TagDetails extends Tag {
  description: string | null
}

/** The tag with this id, with its description, or undefined. */
export async function findTagById(
  db: Kysely<Database>,
  id: number,
): Promise<TagDetails | undefined> {
  return db
    .selectFrom('tags')
    .select([...TAG_COLUMNS, 'tags.description'])
    .where('id', '=', id)
    .executeTakeFirst()
}

/** Adds a tag; undefined when the edition already has one with this slug. */
export async function insertTag(
  db: Kysely<Database>,
  input: { language: string; name: string; slug: string },
  now: Date,
): Promise<Tag | undefined> {
  return db
    .insertInto('tags')
    .values({ ...input, createdAt: now.toISOString() })
    .onConflict((conflict) => conflict.columns(['language', 'slug']).doNothing())
    .returning(['id', 'language', 'name', 'slug'])
    .executeTakeFirst()
}

/** What a change to a tag may set. */
export type TagChanges = Partial<Pick<TagDetails, 'name' | 'slug' | 'description'>>

/** Renames or describes a tag. */
export async function updateTag(
  db: Kysely<Database>,
  input: { id: number; changes: TagChanges },
): Promise<void> {
  if (Object.values(input.changes).every((value) => value === undefined)) return
  await db.updateTable('tags').set(input.changes).where('id', '=', input.id).execute()
}

/** Deletes a tag; the articles that carried it lose it. */
export async function deleteTag(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('tags').where('id', '=', id).execute()
}

const tagsOfArticles = queryTemplate((db, p: { articleIds: number[] }) =>
  db
    .selectFrom('articleTags')
    .innerJoin('tags', 'tags.id', 'articleTags.tagId')
    .select([...TAG_COLUMNS, 'articleTags.articleId'])
    .where('articleTags.articleId', 'in', p.articleIds)
    .orderBy('articleTags.position'),
)

/** The tags of each article, in the order the editor gave them. */
export async function listTagsOfArticles(
  db: Kysely<Database>,
  articleIds: number[],
): Promise<Map<number, Tag[]>> {
  const byArticle = new Map<number, Tag[]>(articleIds.map((id) => [id, []]))
  if (articleIds.length === 0) return byArticle
  const rows = await tagsOfArticles.execute(db, { articleIds })
  for (const { articleId, ...tag } of rows) byArticle.get(articleId)?.push(tag)
  return byArticle
}

/** Every tag of an edition with how many published articles carry it, most used first. */
export async function listTagsWithCounts(
  db: Kysely<Database>,
  language: string,
): Promise<(Tag & { articleCount: number })[]> {
  const rows = await db
    .selectFrom('tags')
    .leftJoin('articleTags', 'articleTags.tagId', 'tags.id')
    .leftJoin('articles', (join) =>
      join
        .onRef('articles.id', '=', 'articleTags.articleId')
        .on('articles.status', '=', 'published'),
    )
    .select([...TAG_COLUMNS, (eb) => eb.fn.count<number>('articles.id').as('articleCount')])
    .where('tags.language', '=', language)
    .groupBy(['tags.id', 'tags.language', 'tags.name', 'tags.slug'])
    .orderBy('articleCount', 'desc')
    .orderBy('tags.name')
    .execute()
  return rows.map((row) => ({ ...row, articleCount: Number(row.articleCount) }))
}

/**
 * Moves every article from one tag to another, keeping each article's order; an article that
 * carries both keeps the one it already had. The tag moved from is left without articles.
 */
export async function moveArticlesToTag(
  db: Kysely<Database>,
  input: { fromTagId: number; toTagId: number },
): Promise<void> {
  await db
    .updateTable('articleTags')
    .set({ tagId: input.toTagId })
    .where('tagId', '=', input.fromTagId)
    .where('articleId', 'not in', (eb) =>
      eb.selectFrom('articleTags').select('articleId').where('tagId', '=', input.toTagId),
    )
    .execute()
  await db.deleteFrom('articleTags').where('tagId', '=', input.fromTagId).execute()
}
