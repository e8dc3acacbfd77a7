import type { Kysely } from 'kysely'
import type { ArticleStatus, Database } from '../../db/database.js'
import { withTransaction } from '../../db/transaction.js'
import { systemActor } from '../../modules/access/actor.js'
import { articlePath } from '../../modules/articles/article-path.js'
import { createArticles } from '../../modules/articles/article-queries.js'
import { ARTICLE_TEXT_LIMITS } from '../../modules/editorial/article-schemas.js'
import type { NewArticle } from '../../modules/articles/article.js'
import {
  findArticleVersions,
  setArticleUpdatedAt,
  updateArticle,
} from '../../modules/articles/article-updates.js'
import type { ArticleDocument } from '../../modules/articles/document/article-document.js'
import { documentPlainText } from '../../modules/articles/document/render-document.js'
import { htmlToDocument } from '../../modules/articles/document/html-to-document.js'
import { createGallery, updateGallery } from '../../modules/media/gallery-queries.js'
import {
  createPage,
  findPageById,
  findPageIdBySlug,
  PAGE_TITLE_LENGTH,
  setPageTimes,
  updatePage,
} from '../../modules/pages/page-queries.js'
import { saveRedirects, type Redirect } from '../../modules/redirects/redirect-queries.js'
import { recordChange } from '../../modules/audit/record-change.js'
import { findSectionSlugs } from '../../modules/sections/section-queries.js'
import { createSearchIndex } from '../../modules/search/search-index.js'
import type { ContentEvent } from '../../platform/events.js'
import { slugify } from '../../platform/slugify.js'
import {
  findImportRecords,
  importRecordKey,
  saveImportRecord,
  saveImportRecords,
  type ImportRecord,
} from '../../modules/imports/import-records.js'
import { emptyReport, mergeReport, tally, type ImportReport } from '../import-report.js'
import { fitImportedText, reportName } from '../fit-imported-text.js'
import { countRemoteImages } from '../remote-media/remote-image.js'
import { convertWordPressContent, withGalleryIds } from './wordpress-content.js'
import type { ImportedMedia } from './wordpress-media.js'
import type { WordPressTaxonomy } from './wordpress-taxonomy.js'
import { decodeSlug, itemTime, type WxrItem } from './wxr-records.js'

export interface PostScope {
  db: Kysely<Database>
  site: string
  language: string
  now: Date
  report: ImportReport
  taxonomy: WordPressTaxonomy
  media: ImportedMedia
  /** Attachments by the post they were uploaded to. */
  childAttachments: Map<number, number[]>
  /** The section of a post filed under no known category (made in `db` when missing). */
  fallbackSectionId: (db: Kysely<Database>) => Promise<number>
}

const UNTITLED: Record<string, string> = { en: 'Untitled', ar: 'بلا عنوان' }

/** publish, future, draft, pending and private as Masthead statuses (private stays unseen). */
const ARTICLE_STATUSES: Record<string, ArticleStatus> = {
  publish: 'published',
  future: 'scheduled',
  draft: 'draft',
  pending: 'in_review',
  private: 'draft',
}

/** A post or page readers needed a password for: it comes in as a draft, never published. */
function isPasswordProtected(item: WxrItem): boolean {
  return item.password.trim() !== ''
}

/** How a post or page is named in the report: `post 42 "Its title"`. */
export function itemName(item: WxrItem): string {
  return reportName(item.postType, item.postId, item.title)
}

/** The title of a post (as a headline) or page, fitted to the API's limit for it. */
function titleOf(scope: PostScope, item: WxrItem): string {
  return fitImportedText(scope.report, {
    item: itemName(item),
    field: 'title',
    text: item.title || UNTITLED[scope.language] || 'Untitled',
    limit: item.postType === 'page' ? PAGE_TITLE_LENGTH : ARTICLE_TEXT_LIMITS.headline,
  })
}

/** Whether an item is a post or page to import, or why it is skipped. */
export function skipReason(item: WxrItem): string | undefined {
  if (item.postType !== 'post' && item.postType !== 'page') return item.postType || 'no post type'
  if (item.status === 'trash') return 'trash'
  if (!(item.status in ARTICLE_STATUSES))
    return `${item.postType} ${item.status || 'without status'}`
  return undefined
}

/** The path of an old permalink, as the site looks redirects up (decoded), or undefined. */
function permalinkPaths(link: string): string[] {
  try {
    const url = new URL(link)
    if (url.search || url.pathname === '/') return []
    const path = decodeURI(url.pathname).replace(/\/{2,}/g, '/')
    const bare = path.replace(/\/+$/, '')
    return [...new Set([path, bare, `${bare}/`])].filter((candidate) => candidate.length > 1)
  } catch {
    return []
  }
}

/** The excerpt as a plain-text dek, fitted to the API's limit. */
function plainExcerpt(scope: PostScope, item: WxrItem): string {
  if (!item.excerpt.trim()) return ''
  const text = documentPlainText(htmlToDocument(item.excerpt).document).replace(/\s+/g, ' ').trim()
  const limit = ARTICLE_TEXT_LIMITS.dek
  return fitImportedText(scope.report, { item: itemName(item), field: 'excerpt', text, limit })
}

/**
 * What one batch (one transaction) knows and gathers: the records of its items loaded up front,
 * and the rows written together at its end (import records, redirects, search entries).
 */
interface Batch {
  scope: PostScope
  trx: Kysely<Database>
  /** By `importRecordKey`: the records the batch's items had, and those it makes. */
  articles: Map<string, ImportRecord>
  pages: Map<string, ImportRecord>
  galleries: Map<string, ImportRecord>
  /** Id and version of existing articles, by id. */
  versions: Map<number, number>
  sectionSlugs: Map<number, string>
  fallbackSectionId?: number
  /** New articles waiting for one multi-row insert. */
  pending: PendingArticle[]
  records: (ImportRecord & { origin: 'wordpress'; kind: 'article' })[]
  /** Old permalinks in file order (a path given twice goes to the later post, as it always did). */
  redirects: { link: string; isNew: boolean; to: PendingArticle | { toPath: string } }[]
  indexed: number[]
  /** What the batch tells the rest of the system once it commits. */
  events: BatchEvent[]
}

type BatchEvent = Omit<ContentEvent, 'occurredAt'>

/** An article of the batch; a new one has its id once inserted. */
interface PendingArticle {
  item: WxrItem
  key: string
  article: NewArticle
  id?: number
}

type Conversion = ReturnType<typeof convertWordPressContent>

function convert(scope: PostScope, item: WxrItem): Conversion {
  return convertWordPressContent(item.content, {
    resolveImage: scope.media.resolveImage,
    mediaOfAttachment: (id) => scope.media.byAttachment.get(id),
    childAttachments: scope.childAttachments.get(item.postId) ?? [],
  })
}

function galleryExternalId(scope: PostScope, item: WxrItem, index: number) {
  return `${scope.site}#${item.postId}#gallery-${index + 1}`
}

function articleKey(scope: PostScope, item: WxrItem) {
  return { externalId: `${scope.site}#${item.postId}`, guid: item.guid }
}

/** Stores the galleries of converted content (updated in place on a second run). */
async function saveGalleries(batch: Batch, item: WxrItem, conversion: Conversion, title: string) {
  const { scope, trx } = batch
  const galleryIds: (number | undefined)[] = []
  for (const [index, mediaIds] of conversion.galleries.entries()) {
    if (mediaIds.length === 0) {
      galleryIds.push(undefined)
      continue
    }
    const externalId = galleryExternalId(scope, item, index)
    const record = batch.galleries.get(importRecordKey({ externalId }))
    const gallery = {
      title: { [scope.language]: title },
      items: mediaIds.map((mediaId) => ({ mediaId })),
    }
    const isKept = record?.entityId
      ? await updateGallery(trx, record.entityId, gallery, scope.now)
      : false
    const id =
      isKept && record?.entityId ? record.entityId : await createGallery(trx, gallery, scope.now)
    const row = { externalId, guid: '', entityId: id, remoteUrl: null }
    await saveImportRecord(trx, { origin: 'wordpress', kind: 'gallery', ...row }, scope.now)
    batch.galleries.set(importRecordKey(row), row)
    galleryIds.push(id)
  }
  return withGalleryIds(conversion.document, galleryIds)
}

function recordConversion(scope: PostScope, conversion: Conversion) {
  scope.report.remoteImages += countRemoteImages(conversion.document)
  for (const [name, count] of Object.entries(conversion.unknownBlocks))
    tally(scope.report.unknownBlocks, name, count)
  for (const [name, count] of Object.entries(conversion.droppedShortcodes))
    tally(scope.report.droppedShortcodes, name, count)
  scope.report.unresolvedImages += conversion.report.unresolvedImages.length
}

async function sectionOf(batch: Batch, item: WxrItem): Promise<number> {
  for (const term of item.terms) {
    const id =
      term.domain === 'category' ? batch.scope.taxonomy.sections.get(term.nicename) : undefined
    if (id) return id
  }
  batch.fallbackSectionId ??= await batch.scope.fallbackSectionId(batch.trx)
  return batch.fallbackSectionId
}

/** The slugs of these sections in the import's edition, in one query (redirects point to them). */
async function loadSectionSlugs(batch: Batch, sectionIds: number[]) {
  const wanted = [...new Set(sectionIds)].filter((id) => !batch.sectionSlugs.has(id))
  if (!wanted.length) return
  const slugs = await findSectionSlugs(batch.trx, batch.scope.language, wanted)
  for (const [sectionId, slug] of slugs) batch.sectionSlugs.set(sectionId, slug)
}

async function articleInput(
  batch: Batch,
  post: { item: WxrItem; title: string; document: ArticleDocument },
): Promise<NewArticle> {
  const { item, title: headline, document } = post
  const { scope } = batch
  const time = itemTime(item) ?? scope.now.toISOString()
  const status = isPasswordProtected(item) ? 'draft' : (ARTICLE_STATUSES[item.status] ?? 'draft')
  const thumbnail = Number.parseInt(item.meta.get('_thumbnail_id') ?? '', 10)
  const author = scope.taxonomy.authors.get(item.creator)
  const tagIds = item.terms
    .filter((term) => term.domain === 'post_tag')
    .flatMap((term) => scope.taxonomy.tags.get(term.nicename) ?? [])
  return {
    language: scope.language,
    sectionId: await sectionOf(batch, item),
    status,
    headline,
    dek: plainExcerpt(scope, item),
    slug: slugify(decodeSlug(item.postName)) || slugify(headline) || 'article',
    bodyDoc: document,
    heroMediaId: scope.media.byAttachment.get(thumbnail) ?? null,
    isFeatured: item.isSticky,
    publishedAt: status === 'published' ? time : null,
    scheduledAt: status === 'scheduled' ? time : null,
    updatedAt: time,
    authorIds: author ? [author] : [],
    tagIds,
  }
}

/** Inserts the new articles waiting in the batch, and records them (a repeat then updates). */
async function flushNewArticles(batch: Batch) {
  const pending = batch.pending.splice(0)
  if (!pending.length) return
  const ids = await createArticles(
    batch.trx,
    pending.map(({ article }) => article),
    batch.scope.now,
  )
  pending.forEach((entry, index) => {
    const id = ids[index] as number
    entry.id = id
    const record = { ...articleKey(batch.scope, entry.item), entityId: id, remoteUrl: null }
    batch.articles.set(entry.key, record)
    batch.versions.set(id, 1)
    batch.records.push({ origin: 'wordpress', kind: 'article', ...record })
    batch.indexed.push(id)
    batch.events.push({ entity: 'article', action: 'created', id })
    if (entry.article.status === 'published')
      batch.events.push({ entity: 'article', action: 'published', id })
  })
}

async function updateExisting(batch: Batch, id: number, article: NewArticle) {
  const {
    language: _language,
    bodyDoc,
    updatedAt,
    notices: _notices,
    createdBy: _by,
    ...rest
  } = article
  const version = batch.versions.get(id) ?? (await findArticleVersions(batch.trx, [id])).get(id)
  if (version === undefined) throw new Error(`article ${id} is gone`)
  const isUpdated = await updateArticle(
    batch.trx,
    { id, changes: { ...rest, bodyDoc }, updatedBy: null, expectedVersion: version },
    batch.scope.now,
  )
  if (isUpdated) batch.versions.set(id, version + 1)
  if (updatedAt) await setArticleUpdatedAt(batch.trx, id, updatedAt)
}

async function saveArticle(
  batch: Batch,
  post: { item: WxrItem; title: string; document: ArticleDocument },
) {
  const { scope } = batch
  const { item } = post
  const key = importRecordKey(articleKey(scope, item))
  const record = batch.articles.get(key)
  const article = await articleInput(batch, post)
  const existingId =
    record?.entityId && batch.versions.has(record.entityId) ? record.entityId : undefined
  const entry: PendingArticle = { item, key, article, ...(existingId && { id: existingId }) }
  if (existingId) {
    await updateExisting(batch, existingId, article)
    tally(scope.report.updated, 'articles')
    const row = { ...articleKey(scope, item), entityId: existingId, remoteUrl: null }
    batch.records.push({ origin: 'wordpress', kind: 'article', ...row })
    batch.indexed.push(existingId)
    batch.events.push({ entity: 'article', action: 'updated', id: existingId })
  } else {
    batch.pending.push(entry)
    tally(scope.report.imported, 'articles')
  }
  if (article.status === 'published')
    batch.redirects.push({ link: item.link, isNew: !existingId, to: entry })
}

/** A page slug free in the edition (an imported page keeps its own). */
async function freePageSlug(
  trx: Kysely<Database>,
  input: { language: string; slug: string; ownId?: number; postId: number },
) {
  const taken = await findPageIdBySlug(trx, input.language, input.slug)
  return taken === undefined || taken === input.ownId ? input.slug : `${input.slug}-${input.postId}`
}

async function savePage(
  batch: Batch,
  post: { item: WxrItem; title: string; document: ArticleDocument },
) {
  const { scope, trx } = batch
  const { item, title, document } = post
  const key = { ...articleKey(scope, item) }
  const record = batch.pages.get(importRecordKey(key))
  const ownId = record?.entityId ?? undefined
  const slug = await freePageSlug(trx, {
    language: scope.language,
    slug: slugify(decodeSlug(item.postName)) || slugify(title) || 'page',
    ...(ownId && { ownId }),
    postId: item.postId,
  })
  const status = item.status === 'publish' && !isPasswordProtected(item) ? 'published' : 'draft'
  const page = { slug, title, bodyDoc: document, status, position: item.menuOrder } as const
  const exists = ownId ? await findPageById(trx, ownId) : undefined
  const id = exists
    ? exists.id
    : await createPage(trx, { ...page, language: scope.language }, scope.now)
  if (exists) await updatePage(trx, id, page, scope.now)
  tally(exists ? scope.report.updated : scope.report.imported, 'pages')
  batch.events.push({ entity: 'page', action: exists ? 'updated' : 'created', id })
  const time = itemTime(item) ?? scope.now.toISOString()
  await setPageTimes(trx, id, {
    updatedAt: time,
    publishedAt: status === 'published' ? time : null,
  })
  const row = { ...key, entityId: id, remoteUrl: null }
  await saveImportRecord(trx, { origin: 'wordpress', kind: 'page', ...row }, scope.now)
  batch.pages.set(importRecordKey(key), row)
  if (status === 'published') {
    const toPath = `/${scope.language}/${encodeURIComponent(slug)}`
    batch.redirects.push({ link: item.link, isNew: !exists, to: { toPath } })
  }
}

/** Loads what the batch's items were before: their records and the articles they point to. */
async function openBatch(
  scope: PostScope,
  posts: { item: WxrItem; conversion: Conversion }[],
  trx: Kysely<Database>,
) {
  const items = posts.map(({ item }) => item)
  const keysOf = (type: string) =>
    items.filter((item) => item.postType === type).map((item) => articleKey(scope, item))
  const find = (kind: 'article' | 'page', keys: { externalId: string; guid: string }[]) =>
    keys.length
      ? findImportRecords(trx, { origin: 'wordpress', kind, site: scope.site, items: keys })
      : Promise.resolve(new Map<string, ImportRecord>())
  const articles = await find('article', keysOf('post'))
  const pages = await find('page', keysOf('page'))
  const galleryKeys = posts.flatMap(({ item, conversion }) =>
    conversion.galleries.map((_, index) => ({ externalId: galleryExternalId(scope, item, index) })),
  )
  const galleries = galleryKeys.length
    ? await findImportRecords(trx, { origin: 'wordpress', kind: 'gallery', items: galleryKeys })
    : new Map<string, ImportRecord>()
  const ids = [...articles.values()].flatMap((record) => record.entityId ?? [])
  const versions = await findArticleVersions(trx, ids)
  const batch: Batch = {
    scope,
    trx,
    articles,
    pages,
    galleries,
    versions,
    sectionSlugs: new Map(),
    pending: [],
    records: [],
    redirects: [],
    indexed: [],
    events: [],
  }
  return batch
}

/** Writes what the batch gathered: new articles, import records, redirects, search entries. */
async function closeBatch(batch: Batch) {
  const { scope, trx } = batch
  await flushNewArticles(batch)
  await saveImportRecords(trx, batch.records, scope.now)
  await loadSectionSlugs(
    batch,
    batch.redirects.flatMap(({ to }) => ('article' in to ? [to.article.sectionId] : [])),
  )
  const redirects: Redirect[] = []
  for (const { link, isNew, to } of batch.redirects) {
    const toPath =
      'toPath' in to
        ? to.toPath
        : articlePath({
            language: scope.language,
            sectionSlug:
              batch.sectionSlugs.get(to.article.sectionId) ?? String(to.article.sectionId),
            id: to.id as number,
            slug: to.article.slug ?? '',
          })
    const paths = permalinkPaths(link).filter((path) => path !== toPath)
    for (const fromPath of paths) redirects.push({ fromPath, toPath, statusCode: 301 })
    if (paths.length) tally(isNew ? scope.report.imported : scope.report.updated, 'redirects')
  }
  await saveRedirects(trx, redirects, scope.now)
  await createSearchIndex({ db: trx, now: () => scope.now }).indexArticles(batch.indexed)
  await recordChange(
    trx,
    { actor: systemActor, ipAddress: null },
    {
      action: 'import.wordpress',
      entityType: 'import',
      entityId: 'wordpress',
      details: { articles: batch.indexed.length, events: batch.events.length },
      events: batch.events,
    },
    scope.now,
  )
}

async function saveBatch(scope: PostScope, items: WxrItem[], trx: Kysely<Database>) {
  const posts = items.map((item) => ({ item, conversion: convert(scope, item) }))
  const batch = await openBatch(scope, posts, trx)
  for (const { item, conversion } of posts) {
    const title = titleOf(scope, item)
    const document = await saveGalleries(batch, item, conversion, title)
    if (item.postType === 'page') await savePage(batch, { item, title, document })
    else await saveArticle(batch, { item, title, document })
    recordConversion(scope, conversion)
    if (isPasswordProtected(item)) scope.report.passwordProtected += 1
  }
  await closeBatch(batch)
}

/**
 * Imports posts (as articles) and pages, each whole with its galleries, import record,
 * old-permalink redirects and search entry, in one transaction for the batch: a killed import
 * leaves no half of any post, and a second run updates what was imported (same WordPress id and
 * guid). The batch's records are read in a few queries, its new articles, records, redirects and
 * search entries written in a few multi-row statements. When the batch fails, its posts are
 * imported one by one so that only the faulty one is reported, with its reason.
 */
export async function importWordPressPosts(scope: PostScope, items: WxrItem[]): Promise<void> {
  // Counted apart and added once the transaction has committed.
  const batch = { ...scope, report: emptyReport() }
  try {
    await withTransaction(scope.db, (trx) => saveBatch(batch, items, trx))
    mergeReport(scope.report, batch.report)
    return
  } catch (error) {
    if (items.length === 1) throw error
  }
  for (const item of items) {
    const single = { ...scope, report: emptyReport() }
    try {
      await withTransaction(scope.db, (trx) => saveBatch(single, [item], trx))
      mergeReport(scope.report, single.report)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      scope.report.failed.push({ item: itemName(item), reason })
    }
  }
}
