import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import {
  AUTHOR_TEXT_LENGTH,
  createAuthor,
  findAuthorBySlug,
} from '../../modules/authors/author-queries.js'
import {
  createSection,
  findSectionIdsBySlugs,
  SECTION_NAME_LENGTH,
} from '../../modules/sections/section-queries.js'
import { findTagBySlug, insertTag, TAG_NAME_LENGTH } from '../../modules/tags/tag-queries.js'
import { slugify } from '../../platform/slugify.js'
import {
  listImportRecords,
  saveImportRecord,
  type ImportKind,
} from '../../modules/imports/import-records.js'
import { fitImportedText } from '../fit-imported-text.js'
import { tally, type ImportReport } from '../import-report.js'
import { decodeSlug, type WxrAuthor, type WxrCategory, type WxrTag } from './wxr-records.js'

/** Masthead ids of the site's authors (by login), sections (by nicename) and tags (by slug). */
export interface WordPressTaxonomy {
  authors: Map<string, number>
  sections: Map<string, number>
  tags: Map<string, number>
}

interface Scope {
  db: Kysely<Database>
  site: string
  language: string
  now: Date
  report: ImportReport
}

/**
 * Runs `create` for each item without a record yet, in order, and records what it made; `ids`
 * (returned) fills as it goes, so an item can look up the ones before it.
 */
async function ensureAll<T>(
  scope: Scope,
  kind: ImportKind,
  items: { key: string; item: T }[],
  create: (item: T) => Promise<{ id: number; isNew: boolean }>,
  ids = new Map<string, number>(),
): Promise<Map<string, number>> {
  const records = await listImportRecords(scope.db, { origin: 'wordpress', kind, site: scope.site })
  for (const { key, item } of items) {
    const externalId = `${scope.site}#${kind}:${key}`
    const known = records.get(externalId)?.entityId
    if (known) {
      ids.set(key, known)
      continue
    }
    const { id, isNew } = await create(item)
    if (isNew) tally(scope.report.imported, `${kind}s`)
    const record = { externalId, guid: '', entityId: id, remoteUrl: null }
    await saveImportRecord(scope.db, { origin: 'wordpress', kind, ...record }, scope.now)
    ids.set(key, id)
  }
  return ids
}

async function ensureAuthors(scope: Scope, authors: WxrAuthor[]) {
  return ensureAll(
    scope,
    'author',
    authors.map((author) => ({ key: author.login, item: author })),
    async (author) => {
      const slug = slugify(author.login) || slugify(author.displayName) || 'author'
      const existing = await findAuthorBySlug(scope.db, slug)
      if (existing) return { id: existing.id, isNew: false }
      const displayName = fitImportedText(scope.report, {
        item: `author "${slug}"`,
        field: 'name',
        text: author.displayName,
        limit: AUTHOR_TEXT_LENGTH,
      })
      const name = { [scope.language]: displayName }
      return { id: await createAuthor(scope.db, { slug, name }, scope.now), isNew: true }
    },
  )
}

/** Parents before their children, whatever the order of the export. */
function parentsFirst(categories: WxrCategory[]): WxrCategory[] {
  const byName = new Map(categories.map((category) => [category.nicename, category]))
  const ordered: WxrCategory[] = []
  const placed = new Set<string>()
  const place = (category: WxrCategory, trail: Set<string>) => {
    if (placed.has(category.nicename) || trail.has(category.nicename)) return
    trail.add(category.nicename)
    const parent = byName.get(category.parent)
    if (parent) place(parent, trail)
    placed.add(category.nicename)
    ordered.push(category)
  }
  for (const category of categories) place(category, new Set())
  return ordered
}

async function ensureSections(scope: Scope, categories: WxrCategory[]) {
  const sections = new Map<string, number>()
  const ordered = parentsFirst(categories)
  return ensureAll(
    scope,
    'section',
    ordered.map((category, position) => ({ key: category.nicename, item: { category, position } })),
    async ({ category, position }) => {
      const slug = slugify(decodeSlug(category.nicename)) || slugify(category.name) || 'section'
      const existing = (await findSectionIdsBySlugs(scope.db, scope.language, [slug])).get(slug)
      if (existing) return { id: existing, isNew: false }
      const translation = {
        name: fitImportedText(scope.report, {
          item: `category "${slug}"`,
          field: 'name',
          text: category.name || slug,
          limit: SECTION_NAME_LENGTH,
        }),
        slug,
        description: category.description || null,
      }
      const id = await createSection(
        scope.db,
        {
          parentId: sections.get(category.parent) ?? null,
          position,
          translations: { [scope.language]: translation },
        },
        scope.now,
      )
      return { id, isNew: true }
    },
    sections,
  )
}

async function ensureTags(scope: Scope, tags: WxrTag[]) {
  return ensureAll(
    scope,
    'tag',
    tags.map((tag) => ({ key: tag.slug, item: tag })),
    async (tag) => {
      const slug = slugify(decodeSlug(tag.slug)) || slugify(tag.name) || `tag-${tag.termId}`
      const existing = await findTagBySlug(scope.db, scope.language, slug)
      if (existing) return { id: existing.id, isNew: false }
      const name = fitImportedText(scope.report, {
        item: `tag "${slug}"`,
        field: 'name',
        text: tag.name || slug,
        limit: TAG_NAME_LENGTH,
      })
      const input = { language: scope.language, name, slug }
      const created = await insertTag(scope.db, input, scope.now)
      if (!created) throw new Error(`the tag "${slug}" was created by another writer meanwhile`)
      return { id: created.id, isNew: true }
    },
  )
}

/**
 * Brings in the site's authors, category tree (as sections, in the import's edition) and tags.
 * An item already imported keeps its row; a name that already exists in Masthead (the same slug)
 * is used rather than duplicated.
 */
export async function importWordPressTaxonomy(
  scope: Scope,
  input: { authors: WxrAuthor[]; categories: WxrCategory[]; tags: WxrTag[] },
): Promise<WordPressTaxonomy> {
  return {
    authors: await ensureAuthors(scope, input.authors),
    sections: await ensureSections(scope, input.categories),
    tags: await ensureTags(scope, input.tags),
  }
}
