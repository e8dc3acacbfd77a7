import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import { AppError } from '../../errors/app-error.js'
import { findSectionBySlug } from '../sections/section-queries.js'
import { findOrCreateTags } from '../tags/tag-queries.js'

/** How clients name what an article links to: sections, authors and sources by slug or id. */
export interface ArticleReferences {
  section?: string | number
  tags?: string[]
  authors?: (string | number)[]
  source?: string | number | null
}

export interface ResolvedReferences {
  sectionId?: number
  tagIds?: number[]
  authorIds?: number[]
  sourceId?: number | null
}

/** Ids of authors or sources named by id or slug, in the given order, with one query. */
async function resolveIds(
  db: Kysely<Database>,
  table: 'authors' | 'sources',
  refs: (string | number)[],
  property: string,
): Promise<number[]> {
  if (refs.length === 0) return []
  const ids = refs.filter((ref): ref is number => typeof ref === 'number')
  const slugs = refs.filter((ref): ref is string => typeof ref === 'string')
  const rows = await db
    .selectFrom(table)
    .select(['id', 'slug'])
    .where((eb) => eb.or([eb('id', 'in', [...ids, -1]), eb('slug', 'in', [...slugs, ''])]))
    .execute()
  return refs.map((ref) => {
    const row = rows.find(
      (candidate) => (typeof ref === 'number' ? candidate.id : candidate.slug) === ref,
    )
    if (!row) {
      throw new AppError('VALIDATION_FAILED', `There is no ${table.slice(0, -1)} ${String(ref)}`, {
        property,
      })
    }
    return row.id
  })
}

/** Turns slugs and names into ids; unknown sections, authors and sources are a 400. */
export async function resolveReferences(
  db: Kysely<Database>,
  input: { language: string; references: ArticleReferences },
  now: Date,
): Promise<ResolvedReferences> {
  const { references: refs, language } = input
  const resolved: ResolvedReferences = {}
  if (refs.section !== undefined) {
    const section =
      typeof refs.section === 'number'
        ? await db
            .selectFrom('sections')
            .select('id')
            .where('id', '=', refs.section)
            .executeTakeFirst()
        : ((await findSectionBySlug(db, language, refs.section)) ??
          (await findSectionBySlugInAnyLanguage(db, refs.section)))
    if (!section) {
      throw new AppError('VALIDATION_FAILED', `There is no section ${String(refs.section)}`, {
        property: 'section',
      })
    }
    resolved.sectionId = section.id
  }
  if (refs.tags) {
    resolved.tagIds = (await findOrCreateTags(db, { language, names: refs.tags }, now)).map(
      (tag) => tag.id,
    )
  }
  if (refs.authors) resolved.authorIds = await resolveIds(db, 'authors', refs.authors, 'authors')
  if (refs.source !== undefined) {
    resolved.sourceId =
      refs.source === null
        ? null
        : ((await resolveIds(db, 'sources', [refs.source], 'source'))[0] ?? null)
  }
  return resolved
}

/** A section by its slug in any edition (clients often know the English slug only). */
async function findSectionBySlugInAnyLanguage(
  db: Kysely<Database>,
  slug: string,
): Promise<{ id: number } | undefined> {
  const row = await db
    .selectFrom('sectionTranslations')
    .select('sectionId as id')
    .where('slug', '=', slug)
    .executeTakeFirst()
  return row
}

/** The byline profile linked to a user, used as the default author of what they write. */
export async function findAuthorIdOfUser(
  db: Kysely<Database>,
  userId: number,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('authors')
    .select('id')
    .where('userId', '=', userId)
    .executeTakeFirst()
  return row?.id
}
