import type { Kysely } from 'kysely'
import { withTransaction } from '../../db/transaction.js'
import type { Database } from '../../db/database.js'

export interface SectionTranslation {
  name: string
  slug: string
  description: string | null
}

export interface Section {
  id: number
  parentId: number | null
  position: number
  /** Name, slug and description by language code. */
  translations: Record<string, SectionTranslation>
}

export interface NewSection {
  parentId?: number | null
  position?: number
  translations: Record<string, { name: string; slug: string; description?: string | null }>
}

/** Creates a section with its per-language names and slugs; returns its id. */
export async function createSection(
  db: Kysely<Database>,
  input: NewSection,
  now: Date,
): Promise<number> {
  return withTransaction(db, async (trx) => {
    const timestamp = now.toISOString()
    const { id } = await trx
      .insertInto('sections')
      .values({
        parentId: input.parentId ?? null,
        position: input.position ?? 0,
        createdAt: timestamp,
        updatedAt: timestamp,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const translations = Object.entries(input.translations).map(([language, translation]) => ({
      sectionId: id,
      language,
      name: translation.name,
      slug: translation.slug,
      description: translation.description ?? null,
    }))
    if (translations.length > 0)
      await trx.insertInto('sectionTranslations').values(translations).execute()
    return id
  })
}

/** Every section with its translations, parents before children, siblings in their order. */
export async function listSections(db: Kysely<Database>): Promise<Section[]> {
  const [sections, translations] = await Promise.all([
    db.selectFrom('sections').selectAll().orderBy('position').orderBy('id').execute(),
    db.selectFrom('sectionTranslations').selectAll().execute(),
  ])
  const byId = new Map<number, Section>(
    sections.map((row) => [
      row.id,
      { id: row.id, parentId: row.parentId, position: row.position, translations: {} },
    ]),
  )
  for (const translation of translations) {
    const section = byId.get(translation.sectionId)
    if (section) {
      section.translations[translation.language] = {
        name: translation.name,
        slug: translation.slug,
        description: translation.description,
      }
    }
  }
  return orderAsTree([...byId.values()])
}

function orderAsTree(sections: Section[]): Section[] {
  const ordered: Section[] = []
  const visit = (parentId: number | null) => {
    for (const section of sections.filter((candidate) => candidate.parentId === parentId)) {
      ordered.push(section)
      visit(section.id)
    }
  }
  visit(null)
  return ordered
}

/** The section whose slug in `language` is `slug`, or undefined. */
export async function findSectionBySlug(
  db: Kysely<Database>,
  language: string,
  slug: string,
): Promise<Section | undefined> {
  const match = await db
    .selectFrom('sectionTranslations')
    .select('sectionId')
    .where('language', '=', language)
    .where('slug', '=', slug)
    .executeTakeFirst()
  if (!match) return undefined
  return (await listSections(db)).find((section) => section.id === match.sectionId)
}

/** The id of a section and of all the sections below it, at any depth. */
export function sectionWithDescendantIds(sections: Section[], sectionId: number): number[] {
  const ids = [sectionId]
  for (let index = 0; index < ids.length; index++) {
    for (const section of sections) if (section.parentId === ids[index]) ids.push(section.id)
  }
  return ids
}

/** The chain from the top-level section down to `sectionId` (a breadcrumb: News › World). */
export function sectionTrail(sections: Section[], sectionId: number): Section[] {
  const byId = new Map(sections.map((section) => [section.id, section]))
  const trail: Section[] = []
  for (
    let current = byId.get(sectionId);
    current;
    current = current.parentId === null ? undefined : byId.get(current.parentId)
  ) {
    if (trail.includes(current)) break
    trail.unshift(current)
  }
  return trail
}

/** The names of some sections by language: `names.get(id)?.[language]`; one query. */
export async function findSectionNames(
  db: Kysely<Database>,
  sectionIds: number[],
): Promise<Map<number, Record<string, string>>> {
  const names = new Map<number, Record<string, string>>()
  if (sectionIds.length === 0) return names
  const rows = await db
    .selectFrom('sectionTranslations')
    .select(['sectionId', 'language', 'name'])
    .where('sectionId', 'in', [...new Set(sectionIds)])
    .execute()
  for (const row of rows) {
    names.set(row.sectionId, { ...names.get(row.sectionId), [row.language]: row.name })
  }
  return names
}
