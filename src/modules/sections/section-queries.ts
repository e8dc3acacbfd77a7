import type { Kysely } from 'kysely'
import { withTransaction } from '../../db/transaction.js'
import type { Database } from '../../db/database.js'

/** The longest section name the API takes; importers fit theirs to it too. */
export const SECTION_NAME_LENGTH = 100

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

/** What a change to one section may set; translations given replace those languages. */
export type SectionChanges = Partial<NewSection>

/** Changes a section's place and the translations given (the others stay). */
export async function updateSection(
  db: Kysely<Database>,
  input: { id: number; changes: SectionChanges },
  now: Date,
): Promise<void> {
  const { id, changes } = input
  await withTransaction(db, async (trx) => {
    await trx
      .updateTable('sections')
      .set({
        ...(changes.parentId !== undefined ? { parentId: changes.parentId } : {}),
        ...(changes.position !== undefined ? { position: changes.position } : {}),
        updatedAt: now.toISOString(),
      })
      .where('id', '=', id)
      .execute()
    for (const [language, text] of Object.entries(changes.translations ?? {})) {
      const values = { name: text.name, slug: text.slug, description: text.description ?? null }
      await trx
        .insertInto('sectionTranslations')
        .values({ sectionId: id, language, ...values })
        .onConflict((conflict) => conflict.columns(['sectionId', 'language']).doUpdateSet(values))
        .execute()
    }
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

/** One place in the tree: the section, its parent, and (implicitly) its rank among siblings. */
export interface SectionPlace {
  id: number
  parentId: number | null
}

/**
 * Why a new arrangement of the tree cannot be saved, or undefined when it can: every section
 * exactly once, parents that exist, and no section under itself.
 */
export function arrangementProblem(
  existingIds: readonly number[],
  places: readonly SectionPlace[],
): { message: string; property: string } | undefined {
  const known = new Set(existingIds)
  const seen = new Set<number>()
  for (const [index, place] of places.entries()) {
    if (!known.has(place.id))
      return { message: `There is no section ${place.id}`, property: `items.${index}.id` }
    if (seen.has(place.id))
      return { message: `Section ${place.id} is listed twice`, property: `items.${index}.id` }
    seen.add(place.id)
    if (place.parentId !== null && !known.has(place.parentId))
      return {
        message: `There is no section ${place.parentId}`,
        property: `items.${index}.parentId`,
      }
  }
  if (seen.size !== known.size)
    return { message: 'Every section must be listed once', property: 'items' }
  const parentOf = new Map(places.map((place) => [place.id, place.parentId]))
  for (const [index, place] of places.entries()) {
    let steps = 0
    for (let at = place.parentId; at !== null; at = parentOf.get(at) ?? null) {
      if (at === place.id || ++steps > places.length)
        return { message: 'A section cannot sit under itself', property: `items.${index}.parentId` }
    }
  }
  return undefined
}

/**
 * Saves a whole arrangement of the tree: each section's parent, and positions 0, 1, 2… among
 * siblings in the order given. Answers the ids whose parent or position changed.
 */
export async function arrangeSections(
  db: Kysely<Database>,
  places: readonly SectionPlace[],
  now: Date,
): Promise<number[]> {
  return withTransaction(db, async (trx) => {
    const before = new Map(
      (await trx.selectFrom('sections').select(['id', 'parentId', 'position']).execute()).map(
        (row) => [row.id, row],
      ),
    )
    const nextPosition = new Map<number | null, number>()
    const changed: number[] = []
    for (const place of places) {
      const position = nextPosition.get(place.parentId) ?? 0
      nextPosition.set(place.parentId, position + 1)
      const old = before.get(place.id)
      if (old && old.parentId === place.parentId && old.position === position) continue
      await trx
        .updateTable('sections')
        .set({ parentId: place.parentId, position, updatedAt: now.toISOString() })
        .where('id', '=', place.id)
        .execute()
      changed.push(place.id)
    }
    return changed
  })
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

/** The ids of the sections whose slug in `language` is one of `slugs`, by slug; one query. */
export async function findSectionIdsBySlugs(
  db: Kysely<Database>,
  language: string,
  slugs: string[],
): Promise<Map<string, number>> {
  if (slugs.length === 0) return new Map()
  const rows = await db
    .selectFrom('sectionTranslations')
    .select(['sectionId', 'slug'])
    .where('language', '=', language)
    .where('slug', 'in', [...new Set(slugs)])
    .execute()
  return new Map(rows.map((row) => [row.slug, row.sectionId]))
}

/** The slugs of these sections in `language`, by section id (ids without one are absent); one query. */
export async function findSectionSlugs(
  db: Kysely<Database>,
  language: string,
  sectionIds: number[],
): Promise<Map<number, string>> {
  if (sectionIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('sectionTranslations')
    .select(['sectionId', 'slug'])
    .where('sectionId', 'in', [...new Set(sectionIds)])
    .where('language', '=', language)
    .execute()
  return new Map(rows.map((row) => [row.sectionId, row.slug]))
}

/** Gives a section its name and slug in one more language (the section itself is unchanged). */
export async function addSectionTranslation(
  db: Kysely<Database>,
  input: {
    sectionId: number
    language: string
    name: string
    slug: string
    description?: string | null
  },
): Promise<void> {
  const { sectionId, language, name, slug, description } = input
  await db
    .insertInto('sectionTranslations')
    .values({ sectionId, language, name, slug, description: description ?? null })
    .execute()
}
