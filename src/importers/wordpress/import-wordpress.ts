import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import {
  listEditions,
  saveEditions,
  STARTING_EDITIONS,
} from '../../modules/editions/edition-queries.js'
import type { MediaUploader } from '../../modules/media/media-upload.js'
import { createSection, findSectionIdsBySlugs } from '../../modules/sections/section-queries.js'
import { ImportInputError } from '../import-input-error.js'
import { emptyReport, tally, type ImportReport } from '../import-report.js'
import { childText, readXmlRecords } from '../xml-records.js'
import { fetchWithProgress, type FetchMediaOptions } from '../remote-media/fetch-remote-media.js'
import type { ImportProgress } from '../import-progress.js'
import {
  bodyImagesOf,
  importWordPressMedia,
  toAttachment,
  type BodyImage,
  type WxrAttachment,
} from './wordpress-media.js'
import { importWordPressPosts, itemName, skipReason, type PostScope } from './wordpress-posts.js'
import { importWordPressTaxonomy } from './wordpress-taxonomy.js'
import { importWordPressUsers } from './wordpress-users.js'
import {
  toAuthor,
  toCategory,
  toItem,
  toTag,
  WXR_RECORD_NAMES,
  itemTerms,
  type WxrAuthor,
  type WxrCategory,
  type WxrItem,
  type WxrItemTerm,
  type WxrTag,
} from './wxr-records.js'
import { runImport } from '../dry-run.js'

export interface WordPressImportOptions {
  db: Kysely<Database>
  path: string
  /** The edition to import into; the export's language (or the default edition) when absent. */
  language?: string
  /** A copy of the site's `wp-content/uploads`; attachments found there become media. */
  mediaDir?: string
  uploader?: MediaUploader
  /** Download attachments and body images the media folder does not have from the old site. */
  fetchMedia?: FetchMediaOptions
  /** Newsroom accounts for the export's authors: contributors who must reset a password. */
  withUsers?: boolean
  /** Runs the whole import and rolls it back: the report says what would happen. */
  isDryRun?: boolean
  now: () => Date
  onProgress?: (progress: ImportProgress) => void
}

/** What the first reading gathers: everything posts refer to, small next to the posts. */
interface Survey {
  site: string
  language: string
  version: string
  authors: WxrAuthor[]
  categories: WxrCategory[]
  tags: WxrTag[]
  attachments: WxrAttachment[]
  /** Categories and tags items are filed under, by domain and nicename, declared or not. */
  usedTerms: Map<string, WxrItemTerm>
  /** The `<img>` of posts and pages, gathered only to download them (`--fetch-media`). */
  bodyImages: BodyImage[]
}

const FALLBACK_SECTION = { slug: 'uncategorized', name: { en: 'Uncategorized', ar: 'غير مصنف' } }

/** Reads the file through once: checks that it is a whole, valid WXR file and gathers the rest. */
async function survey(options: WordPressImportOptions): Promise<Survey> {
  const found: Survey = {
    site: '',
    language: '',
    version: '',
    authors: [],
    categories: [],
    tags: [],
    attachments: [],
    usedTerms: new Map(),
    bodyImages: [],
  }
  let link = ''
  await readXmlRecords({
    path: options.path,
    rootName: 'rss',
    recordNames: WXR_RECORD_NAMES,
    onOuterText(path, text) {
      const name = path.join('>')
      if (name === 'rss>channel>wp:wxr_version') found.version = text
      else if (name === 'rss>channel>wp:base_blog_url') found.site = text
      else if (name === 'rss>channel>link') link = text
      else if (name === 'rss>channel>language') found.language = text
    },
    onRecord(record) {
      if (!found.version)
        throw new ImportInputError(
          `not a WordPress export: <${record.name}> comes before any <wp:wxr_version>`,
        )
      if (record.name === 'wp:author') found.authors.push(toAuthor(record))
      else if (record.name === 'wp:category') found.categories.push(toCategory(record))
      else if (record.name === 'wp:tag') found.tags.push(toTag(record))
      // Posts are read in the second reading: only attachments (and images to download) here.
      else if (childText(record, 'wp:post_type').trim() === 'attachment')
        found.attachments.push(toAttachment(toItem(record), record))
      else {
        for (const term of itemTerms(record))
          if (term.nicename) found.usedTerms.set(`${term.domain}:${term.nicename}`, term)
        if (options.fetchMedia)
          found.bodyImages.push(...bodyImagesOf(childText(record, 'content:encoded')))
      }
    },
    onProgress: (bytesRead, totalBytes) =>
      options.onProgress?.({ phase: 'checking', bytesRead, totalBytes, items: 0 }),
  })
  if (!found.version)
    throw new ImportInputError('not a WordPress export (WXR): the file has no <wp:wxr_version>')
  found.site = (found.site || link).replace(/\/+$/, '')
  addUndeclaredTerms(found)
  return found
}

/**
 * Categories and tags items are filed under that the file does not declare at its top (WordPress's
 * own importer creates them): added with their nicename as slug and the name the item gives.
 */
function addUndeclaredTerms(found: Survey): void {
  const categories = new Set(found.categories.map((category) => category.nicename))
  const tags = new Set(found.tags.map((tag) => tag.slug))
  for (const { domain, nicename, name } of found.usedTerms.values()) {
    if (domain === 'category' && !categories.has(nicename))
      found.categories.push({ termId: '', nicename, parent: '', name, description: '' })
    if (domain === 'post_tag' && !tags.has(nicename))
      found.tags.push({ termId: '', slug: nicename, name })
  }
}

/** The edition to import into; a newsroom without editions gets the starting ones first. */
async function chooseLanguage(db: Kysely<Database>, wanted: string | undefined, exported: string) {
  let editions = await listEditions(db)
  if (editions.length === 0) {
    await saveEditions(db, STARTING_EDITIONS)
    editions = STARTING_EDITIONS
  }
  if (wanted) {
    if (!editions.some((edition) => edition.code === wanted))
      throw new ImportInputError(
        `there is no "${wanted}" edition; editions: ${editions.map((e) => e.code).join(', ')}`,
      )
    return wanted
  }
  const code = exported.toLowerCase().split(/[-_]/)[0] ?? ''
  const edition =
    editions.find((candidate) => candidate.code === code) ??
    editions.find((candidate) => candidate.isDefault) ??
    editions[0]
  if (!edition)
    throw new ImportInputError('the newsroom has no editions yet; run "masthead migrate"')
  return edition.code
}

/** Finds or makes the section of posts without a category, in the caller's transaction. */
function fallbackSection(language: string, now: () => Date) {
  return async (db: Kysely<Database>) => {
    const { slug, name } = FALLBACK_SECTION
    const existing = (await findSectionIdsBySlugs(db, language, [slug])).get(slug)
    if (existing) return existing
    const translation = { name: name[language as 'en'] ?? name.en, slug }
    return createSection(db, { translations: { [language]: translation } }, now())
  }
}

/** Posts committed together: fewer commits, and still never half a post. */
const POSTS_PER_TRANSACTION = 500

async function importPosts(options: WordPressImportOptions, scope: PostScope): Promise<void> {
  let items = 0
  let bytes = { bytesRead: 0, totalBytes: 0 }
  let batch: WxrItem[] = []
  // The first post or page of each WordPress id, by its report name. WordPress ids are unique in
  // a site, so a second item with one is an edited or merged file: keeping both would make the
  // second overwrite the first unseen, so it is reported as failed and left out.
  const firstOfId = new Map<number, string>()
  const flush = async () => {
    if (!batch.length) return
    await importWordPressPosts(scope, batch)
    items += batch.length
    batch = []
    options.onProgress?.({ phase: 'importing', ...bytes, items })
  }
  await readXmlRecords({
    path: options.path,
    rootName: 'rss',
    recordNames: new Set(['item']),
    async onRecord(record) {
      const item = toItem(record)
      if (item.postType === 'attachment') return
      const reason = skipReason(item)
      if (reason) return tally(scope.report.skipped, reason)
      const first = firstOfId.get(item.postId)
      if (first !== undefined)
        return void scope.report.failed.push({
          item: itemName(item),
          reason: `shares its id with ${first}; kept the first`,
        })
      firstOfId.set(item.postId, itemName(item))
      batch.push(item)
      if (batch.length >= POSTS_PER_TRANSACTION) await flush()
    },
    onProgress(bytesRead, totalBytes) {
      bytes = { bytesRead, totalBytes }
      options.onProgress?.({ phase: 'importing', bytesRead, totalBytes, items })
    },
  })
  await flush()
}

/**
 * Imports a WordPress export (WXR 1.1/1.2) in two streaming readings of the file. The first
 * checks the whole file (a truncated, non-WXR, non-UTF-8 or DTD-carrying file is refused before
 * anything is written) and gathers authors, categories, tags and attachments; these are written,
 * then the second reading imports posts and pages, whole posts per transaction. Safe to run again: what
 * was imported is updated, and a killed run resumes where it stopped.
 */
export async function importWordPress(options: WordPressImportOptions): Promise<ImportReport> {
  const found = await survey(options)
  const report = emptyReport()
  const run = async (db: Kysely<Database>) => {
    const language = await chooseLanguage(db, options.language, found.language)
    const base = { db, site: found.site, language, now: options.now(), report }
    const taxonomy = await importWordPressTaxonomy(base, found)
    if (options.withUsers) await importWordPressUsers(base, found.authors, taxonomy.authors)
    const media = await importWordPressMedia(
      {
        ...base,
        ...(!options.isDryRun && options.uploader && { uploader: options.uploader }),
        ...(options.mediaDir && { mediaDir: options.mediaDir }),
        ...fetchWithProgress(options.fetchMedia, options.onProgress),
      },
      { attachments: found.attachments, bodyImages: found.bodyImages },
    )
    const childAttachments = new Map<number, number[]>()
    for (const attachment of found.attachments) {
      const siblings = childAttachments.get(attachment.parent) ?? []
      childAttachments.set(attachment.parent, [...siblings, attachment.postId])
    }
    const fallbackSectionId = fallbackSection(language, options.now)
    await importPosts(options, { ...base, taxonomy, media, childAttachments, fallbackSectionId })
  }
  await runImport(options.db, options.isDryRun, run)
  return report
}
