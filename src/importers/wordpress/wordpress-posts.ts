import type { Kysely } from 'kysely'
import type { ArticleStatus, Database } from '../../db/database.js'
import { withTransaction } from '../../db/transaction.js'
import { articlePath } from '../../modules/articles/article-path.js'
import { createArticle } from '../../modules/articles/article-queries.js'
import type { NewArticle } from '../../modules/articles/article.js'
import { updateArticle } from '../../modules/articles/article-updates.js'
import type { ArticleDocument } from '../../modules/articles/document/article-document.js'
import { documentPlainText } from '../../modules/articles/document/render-document.js'
import { htmlToDocument } from '../../modules/articles/document/html-to-document.js'
import { createGallery, updateGallery } from '../../modules/media/gallery-queries.js'
import { createPage, updatePage } from '../../modules/pages/page-queries.js'
import { saveRedirect } from '../../modules/redirects/redirect-queries.js'
import { createSearchIndex } from '../../modules/search/search-index.js'
import { slugify } from '../../platform/slugify.js'
import { findImportRecord, saveImportRecord } from '../import-records.js'
import { emptyReport, mergeReport, tally, type ImportReport } from '../import-report.js'
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
const DEK_LENGTH = 300

/** publish, future, draft, pending and private as Masthead statuses (private stays unseen). */
const ARTICLE_STATUSES: Record<string, ArticleStatus> = {
  publish: 'published',
  future: 'scheduled',
  draft: 'draft',
  pending: 'in_review',
  private: 'draft',
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

async function saveRedirects(
  scope: PostScope,
  item: WxrItem,
  target: { toPath: string; isNew: boolean },
  db: Kysely<Database>,
) {
  const { toPath } = target
  const paths = permalinkPaths(item.link).filter((path) => path !== toPath)
  for (const fromPath of paths)
    await saveRedirect(db, { fromPath, toPath, statusCode: 301 }, scope.now)
  if (paths.length) tally(target.isNew ? scope.report.imported : scope.report.updated, 'redirects')
}

function plainExcerpt(html: string): string {
  if (!html.trim()) return ''
  const text = documentPlainText(htmlToDocument(html).document).replace(/\s+/g, ' ').trim()
  return text.length > DEK_LENGTH ? `${text.slice(0, DEK_LENGTH - 1)}…` : text
}

/** Converts the content and stores its galleries (updated in place on a second run). */
async function convertBody(scope: PostScope, item: WxrItem, trx: Kysely<Database>, title: string) {
  const conversion = convertWordPressContent(item.content, {
    resolveImage: scope.media.resolveImage,
    mediaOfAttachment: (id) => scope.media.byAttachment.get(id),
    childAttachments: scope.childAttachments.get(item.postId) ?? [],
  })
  const galleryIds: (number | undefined)[] = []
  for (const [index, mediaIds] of conversion.galleries.entries()) {
    if (mediaIds.length === 0) {
      galleryIds.push(undefined)
      continue
    }
    const externalId = `${scope.site}#${item.postId}#gallery-${index + 1}`
    const record = await findImportRecord(trx, { origin: 'wordpress', kind: 'gallery', externalId })
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
    galleryIds.push(id)
  }
  return { conversion, document: withGalleryIds(conversion.document, galleryIds) }
}

function recordConversion(
  scope: PostScope,
  conversion: ReturnType<typeof convertWordPressContent>,
) {
  for (const [name, count] of Object.entries(conversion.unknownBlocks))
    tally(scope.report.unknownBlocks, name, count)
  for (const [name, count] of Object.entries(conversion.droppedShortcodes))
    tally(scope.report.droppedShortcodes, name, count)
  scope.report.unresolvedImages += conversion.report.unresolvedImages.length
}

async function sectionOf(scope: PostScope, item: WxrItem, trx: Kysely<Database>): Promise<number> {
  for (const term of item.terms) {
    const id = term.domain === 'category' ? scope.taxonomy.sections.get(term.nicename) : undefined
    if (id) return id
  }
  return scope.fallbackSectionId(trx)
}

async function sectionSlug(db: Kysely<Database>, sectionId: number, language: string) {
  const row = await db
    .selectFrom('sectionTranslations')
    .select('slug')
    .where('sectionId', '=', sectionId)
    .where('language', '=', language)
    .executeTakeFirst()
  return row?.slug ?? String(sectionId)
}

interface ArticleInput {
  article: NewArticle
  document: ArticleDocument
}

async function articleInput(
  scope: PostScope,
  item: WxrItem,
  trx: Kysely<Database>,
  document: ArticleDocument,
): Promise<ArticleInput> {
  const time = itemTime(item) ?? scope.now.toISOString()
  const status = ARTICLE_STATUSES[item.status] ?? 'draft'
  const headline = item.title || UNTITLED[scope.language] || 'Untitled'
  const thumbnail = Number.parseInt(item.meta.get('_thumbnail_id') ?? '', 10)
  const author = scope.taxonomy.authors.get(item.creator)
  const tagIds = item.terms
    .filter((term) => term.domain === 'post_tag')
    .flatMap((term) => scope.taxonomy.tags.get(term.nicename) ?? [])
  const article: NewArticle = {
    language: scope.language,
    sectionId: await sectionOf(scope, item, trx),
    status,
    headline,
    dek: plainExcerpt(item.excerpt),
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
  return { article, document }
}

async function saveArticle(
  scope: PostScope,
  item: WxrItem,
  trx: Kysely<Database>,
  input: ArticleInput,
) {
  const key = {
    origin: 'wordpress' as const,
    kind: 'article' as const,
    externalId: `${scope.site}#${item.postId}`,
  }
  const record = await findImportRecord(trx, { ...key, guid: item.guid, site: scope.site })
  const existing = record?.entityId
    ? await trx
        .selectFrom('articles')
        .select(['id', 'version'])
        .where('id', '=', record.entityId)
        .executeTakeFirst()
    : undefined
  let id: number
  if (existing) {
    const {
      language: _language,
      bodyDoc,
      updatedAt,
      notices: _notices,
      createdBy: _by,
      ...rest
    } = input.article
    await updateArticle(
      trx,
      {
        id: existing.id,
        changes: { ...rest, bodyDoc },
        updatedBy: null,
        expectedVersion: existing.version,
      },
      scope.now,
    )
    if (updatedAt)
      await trx.updateTable('articles').set({ updatedAt }).where('id', '=', existing.id).execute()
    id = existing.id
    tally(scope.report.updated, 'articles')
  } else {
    id = await createArticle(trx, input.article, scope.now)
    tally(scope.report.imported, 'articles')
  }
  await saveImportRecord(trx, { ...key, guid: item.guid, entityId: id, remoteUrl: null }, scope.now)
  if (input.article.status === 'published') {
    const slug = input.article.slug ?? ''
    const path = articlePath({
      language: scope.language,
      sectionSlug: await sectionSlug(trx, input.article.sectionId, scope.language),
      id,
      slug,
    })
    await saveRedirects(scope, item, { toPath: path, isNew: !existing }, trx)
  }
  await createSearchIndex({ db: trx, now: () => scope.now }).indexArticles([id])
}

/** A page slug free in the edition (an imported page keeps its own). */
async function freePageSlug(
  trx: Kysely<Database>,
  input: { language: string; slug: string; ownId?: number; postId: number },
) {
  const taken = await trx
    .selectFrom('pages')
    .select('id')
    .where('language', '=', input.language)
    .where('slug', '=', input.slug)
    .executeTakeFirst()
  return !taken || taken.id === input.ownId ? input.slug : `${input.slug}-${input.postId}`
}

async function savePage(
  scope: PostScope,
  item: WxrItem,
  trx: Kysely<Database>,
  document: ArticleDocument,
) {
  const key = {
    origin: 'wordpress' as const,
    kind: 'page' as const,
    externalId: `${scope.site}#${item.postId}`,
  }
  const record = await findImportRecord(trx, { ...key, guid: item.guid, site: scope.site })
  const ownId = record?.entityId ?? undefined
  const title = item.title || UNTITLED[scope.language] || 'Untitled'
  const slug = await freePageSlug(trx, {
    language: scope.language,
    slug: slugify(decodeSlug(item.postName)) || slugify(title) || 'page',
    ...(ownId && { ownId }),
    postId: item.postId,
  })
  const status = item.status === 'publish' ? 'published' : 'draft'
  const page = { slug, title, bodyDoc: document, status, position: item.menuOrder } as const
  const exists = ownId
    ? await trx.selectFrom('pages').select('id').where('id', '=', ownId).executeTakeFirst()
    : undefined
  const id = exists
    ? exists.id
    : await createPage(trx, { ...page, language: scope.language }, scope.now)
  if (exists) await updatePage(trx, id, page, scope.now)
  tally(exists ? scope.report.updated : scope.report.imported, 'pages')
  const time = itemTime(item) ?? scope.now.toISOString()
  await trx
    .updateTable('pages')
    .set({ updatedAt: time, publishedAt: status === 'published' ? time : null })
    .where('id', '=', id)
    .execute()
  await saveImportRecord(trx, { ...key, guid: item.guid, entityId: id, remoteUrl: null }, scope.now)
  if (status === 'published')
    await saveRedirects(
      scope,
      item,
      { toPath: `/${scope.language}/${encodeURIComponent(slug)}`, isNew: !exists },
      trx,
    )
}

async function savePost(scope: PostScope, item: WxrItem, trx: Kysely<Database>): Promise<void> {
  const title = item.title || UNTITLED[scope.language] || 'Untitled'
  const body = await convertBody(scope, item, trx, title)
  if (item.postType === 'page') await savePage(scope, item, trx, body.document)
  else await saveArticle(scope, item, trx, await articleInput(scope, item, trx, body.document))
  recordConversion(scope, body.conversion)
}

/**
 * Imports posts (as articles) and pages, each whole with its galleries, import record,
 * old-permalink redirects and search entry, in one transaction for the batch: a killed import
 * leaves no half of any post, and a second run updates what was imported (same WordPress id and
 * guid). When the batch fails, its posts are imported one by one so that only the faulty one is
 * reported, with its reason.
 */
export async function importWordPressPosts(scope: PostScope, items: WxrItem[]): Promise<void> {
  // Counted apart and added once the transaction has committed.
  const batch = { ...scope, report: emptyReport() }
  try {
    await withTransaction(scope.db, async (trx) => {
      for (const item of items) await savePost(batch, item, trx)
    })
    mergeReport(scope.report, batch.report)
    return
  } catch (error) {
    if (items.length === 1) throw error
  }
  for (const item of items) {
    const single = { ...scope, report: emptyReport() }
    try {
      await withTransaction(scope.db, (trx) => savePost(single, item, trx))
      mergeReport(scope.report, single.report)
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      scope.report.failed.push({ item: `${item.postType} ${item.postId} "${item.title}"`, reason })
    }
  }
}
