import type { Kysely } from 'kysely'
import type { ArticleStatus, Database } from '../../db/database.js'
import { withTransaction } from '../../db/transaction.js'
import { articlePath } from '../../modules/articles/article-path.js'
import { createArticle } from '../../modules/articles/article-queries.js'
import { findArticleVersions, updateArticle } from '../../modules/articles/article-updates.js'
import { htmlToDocument } from '../../modules/articles/document/html-to-document.js'
import {
  AUTHOR_TEXT_LENGTH,
  createAuthor,
  findAuthorBySlug,
} from '../../modules/authors/author-queries.js'
import { ARTICLE_TEXT_LIMITS } from '../../modules/editorial/article-schemas.js'
import {
  listEditions,
  saveEditions,
  STARTING_EDITIONS,
} from '../../modules/editions/edition-queries.js'
import {
  createPage,
  findPageById,
  PAGE_TITLE_LENGTH,
  updatePage,
} from '../../modules/pages/page-queries.js'
import { saveRedirect } from '../../modules/redirects/redirect-queries.js'
import { recordChange } from '../../modules/audit/record-change.js'
import {
  addSectionTranslation,
  createSection,
  findSectionIdsBySlugs,
  findSectionSlugs,
  SECTION_NAME_LENGTH,
} from '../../modules/sections/section-queries.js'
import { findTagBySlug, insertTag, TAG_NAME_LENGTH } from '../../modules/tags/tag-queries.js'
import { systemActor } from '../../modules/access/actor.js'
import type { ContentEvent } from '../../platform/events.js'
import { createSearchIndex } from '../../modules/search/search-index.js'
import { slugify } from '../../platform/slugify.js'
import {
  findImportRecord,
  saveImportRecord,
  type ImportKind,
} from '../../modules/imports/import-records.js'
import { emptyReport, mergeReport, tally, type ImportReport } from '../import-report.js'
import { fitImportedText, reportName } from '../fit-imported-text.js'
import type { MediaUploader } from '../../modules/media/media-upload.js'
import { importGhostMedia, type GhostMedia } from './ghost-media.js'
import { exportedSiteUrl, readGhostExport, type GhostData, type GhostPost } from './ghost-export.js'
import type { ImportProgress } from '../import-progress.js'
import { fetchWithProgress, type FetchMediaOptions } from '../remote-media/fetch-remote-media.js'
import { countRemoteImages } from '../remote-media/remote-image.js'
import { runImport } from '../dry-run.js'

export interface GhostImportOptions {
  db: Kysely<Database>
  path: string
  /** Every post goes to this edition; otherwise a post in Arabic script goes to `ar`. */
  language?: string
  isDryRun?: boolean
  now: () => Date
  /** A copy of Ghost's `content/images`: images the posts show that are found there become media. */
  mediaDir?: string
  /** Download the images `mediaDir` does not have from the old site. */
  fetchMedia?: FetchMediaOptions
  /** The old site's URL, for `__GHOST_URL__` in image sources (else the export's, if it has one). */
  siteUrl?: string
  uploader?: MediaUploader
  onProgress?: (progress: ImportProgress) => void
}

const SITE = 'ghost'
const STATUSES: Record<string, ArticleStatus> = {
  published: 'published',
  scheduled: 'scheduled',
  draft: 'draft',
}
const ARABIC = /[\u0600-\u06FF]/g

interface Scope {
  db: Kysely<Database>
  now: Date
  report: ImportReport
  data: GhostData
  languages: Set<string>
  forced?: string
  media: GhostMedia
}

/** Ghost's UTC times ("2026-11-29 13:47:51" or ISO) as ISO strings. */
function isoTime(value: string | null | undefined): string | undefined {
  if (!value) return undefined
  const time = Date.parse(/Z|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`)
  return Number.isNaN(time) ? undefined : new Date(time).toISOString()
}

function languageOf(scope: Scope, post: GhostPost): string {
  if (scope.forced) return scope.forced
  const sample = `${post.title} ${post.custom_excerpt ?? ''}`
  const arabic = sample.match(ARABIC)?.length ?? 0
  const isArabic = arabic > sample.replace(/\s/g, '').length / 3
  return isArabic && scope.languages.has('ar')
    ? 'ar'
    : scope.languages.has('en')
      ? 'en'
      : ([...scope.languages][0] ?? 'en')
}

/** The Masthead id of an item recorded before, or of what `create` makes (and records) now. */
async function ensure(
  scope: Scope,
  trx: Kysely<Database>,
  key: { kind: ImportKind; externalId: string },
  create: () => Promise<number>,
): Promise<number> {
  const record = await findImportRecord(trx, { origin: 'ghost', ...key })
  if (record?.entityId) return record.entityId
  const id = await create()
  await saveImportRecord(
    trx,
    { origin: 'ghost', ...key, guid: '', entityId: id, remoteUrl: null },
    scope.now,
  )
  return id
}

async function sectionFor(
  scope: Scope,
  trx: Kysely<Database>,
  tag: { id: string; name: string; slug: string },
  language: string,
) {
  const slug = slugify(tag.slug) || slugify(tag.name) || 'section'
  const sectionId = await ensure(
    scope,
    trx,
    { kind: 'section', externalId: `${SITE}#tag:${tag.id}` },
    async () => {
      const existing = (await findSectionIdsBySlugs(trx, language, [slug])).get(slug)
      if (existing) return existing
      tally(scope.report.imported, 'sections')
      // Its name and slug in the post's edition are added below, as for a section made before.
      return createSection(trx, { parentId: null, position: 0, translations: {} }, scope.now)
    },
  )
  const translation = (await findSectionSlugs(trx, language, [sectionId])).get(sectionId)
  if (translation !== undefined) return { sectionId, slug: translation }
  const name = fitImportedText(scope.report, {
    item: `tag "${slug}"`,
    field: 'name (as a section)',
    text: tag.name,
    limit: SECTION_NAME_LENGTH,
  })
  await addSectionTranslation(trx, { sectionId, language, name, slug })
  return { sectionId, slug }
}

async function tagIds(
  scope: Scope,
  trx: Kysely<Database>,
  tags: { name: string; slug: string }[],
  language: string,
) {
  const ids: number[] = []
  for (const tag of tags) {
    const slug = slugify(tag.slug) || slugify(tag.name)
    if (!slug) continue
    const existing = await findTagBySlug(trx, language, slug)
    if (existing) {
      ids.push(existing.id)
      continue
    }
    const name = fitImportedText(scope.report, {
      item: `tag "${slug}"`,
      field: 'name',
      text: tag.name,
      limit: TAG_NAME_LENGTH,
    })
    const created = await insertTag(trx, { language, name, slug }, scope.now)
    if (!created) throw new Error(`the tag "${slug}" was created by another writer meanwhile`)
    tally(scope.report.imported, 'tags')
    ids.push(created.id)
  }
  return ids
}

async function authorIds(scope: Scope, trx: Kysely<Database>, post: GhostPost, language: string) {
  const joins = scope.data.posts_authors
    .filter((join) => join.post_id === post.id)
    .sort((a, b) => (a.sort_order ?? 0) - (b.sort_order ?? 0))
  const ids: number[] = []
  for (const join of joins) {
    const user = scope.data.users.find((candidate) => candidate.id === join.author_id)
    if (!user) continue
    ids.push(
      await ensure(
        scope,
        trx,
        { kind: 'author', externalId: `${SITE}#user:${user.id}` },
        async () => {
          const slug = slugify(user.slug) || 'author'
          const existing = await findAuthorBySlug(trx, slug)
          if (existing) return existing.id
          tally(scope.report.imported, 'authors')
          const fit = (field: string, text: string) =>
            fitImportedText(scope.report, {
              item: `author "${slug}"`,
              field,
              text,
              limit: AUTHOR_TEXT_LENGTH,
            })
          return createAuthor(
            trx,
            {
              slug,
              name: { [language]: fit('name', user.name) },
              bio: user.bio ? { [language]: fit('bio', user.bio) } : {},
            },
            scope.now,
          )
        },
      ),
    )
  }
  return ids
}

function postTags(scope: Scope, post: GhostPost) {
  return scope.data.posts_tags
    .filter((join) => join.post_id === post.id)
    .sort((a, b) => (a.sort_order ?? 0) - (b.sort_order ?? 0))
    .flatMap((join) =>
      scope.data.tags.filter((tag) => tag.id === join.tag_id && !tag.name.startsWith('#')),
    )
}

async function fallbackSection(scope: Scope, trx: Kysely<Database>, language: string) {
  return sectionFor(
    scope,
    trx,
    {
      id: 'uncategorized',
      name: language === 'ar' ? 'غير مصنف' : 'Uncategorized',
      slug: 'uncategorized',
    },
    language,
  )
}

async function importPost(scope: Scope, post: GhostPost, trx: Kysely<Database>) {
  const language = languageOf(scope, post)
  const { media } = scope
  const conversion = htmlToDocument(media.htmlOf(post), { resolveImage: media.resolveImage })
  scope.report.unresolvedImages += conversion.report.unresolvedImages.length
  scope.report.remoteImages += countRemoteImages(conversion.document)
  const document = conversion.document
  const status = STATUSES[post.status] ?? 'draft'
  const time = isoTime(post.published_at) ?? isoTime(post.created_at) ?? scope.now.toISOString()
  const key = {
    origin: 'ghost' as const,
    externalId: `${SITE}#${post.id}`,
    guid: post.uuid ?? '',
    site: SITE,
  }
  const fit = (field: string, text: string, limit: number) =>
    fitImportedText(scope.report, { item: postName(post), field, text, limit })
  const heroMediaId = media.mediaIdOf(post.feature_image)
  if (post.feature_image && !heroMediaId) scope.report.remoteMedia.push(post.feature_image)
  if (post.type === 'page') {
    const record = await findImportRecord(trx, { ...key, kind: 'page' })
    const page = {
      slug: slugify(post.slug) || 'page',
      title: fit('title', post.title, PAGE_TITLE_LENGTH),
      bodyDoc: document,
      status: status === 'published' ? ('published' as const) : ('draft' as const),
    }
    const exists = record?.entityId ? await findPageById(trx, record.entityId) : undefined
    const id = exists ? exists.id : await createPage(trx, { ...page, language }, scope.now)
    if (exists) await updatePage(trx, id, page, scope.now)
    tally(exists ? scope.report.updated : scope.report.imported, 'pages')
    await saveImportRecord(
      trx,
      { ...record_(key), kind: 'page', entityId: id, remoteUrl: null },
      scope.now,
    )
    await recordImported(trx, scope, { entity: 'page', action: exists ? 'updated' : 'created', id })
    return
  }
  const [first, ...rest] = postTags(scope, post)
  const section = first
    ? await sectionFor(scope, trx, first, language)
    : await fallbackSection(scope, trx, language)
  const slug = post.slug.includes('%') ? decodeURIComponent(post.slug) : post.slug
  const article = {
    language,
    sectionId: section.sectionId,
    status,
    headline: fit(
      'title',
      post.title || (language === 'ar' ? 'بلا عنوان' : 'Untitled'),
      ARTICLE_TEXT_LIMITS.headline,
    ),
    dek: fit('excerpt', post.custom_excerpt ?? '', ARTICLE_TEXT_LIMITS.dek),
    slug: slugify(slug) || 'article',
    bodyDoc: document,
    isFeatured: Boolean(post.featured),
    ...(heroMediaId && { heroMediaId }),
    publishedAt: status === 'published' ? time : null,
    scheduledAt: status === 'scheduled' ? time : null,
    updatedAt: isoTime(post.updated_at) ?? time,
    authorIds: await authorIds(scope, trx, post, language),
    tagIds: await tagIds(scope, trx, rest, language),
  }
  const record = await findImportRecord(trx, { ...key, kind: 'article' })
  const version = record?.entityId
    ? (await findArticleVersions(trx, [record.entityId])).get(record.entityId)
    : undefined
  const existing =
    record?.entityId && version !== undefined ? { id: record.entityId, version } : undefined
  let id: number
  if (existing) {
    const { language: _language, updatedAt: _updatedAt, ...changes } = article
    await updateArticle(
      trx,
      { id: existing.id, changes, updatedBy: null, expectedVersion: existing.version },
      scope.now,
    )
    id = existing.id
    tally(scope.report.updated, 'articles')
  } else {
    id = await createArticle(trx, article, scope.now)
    tally(scope.report.imported, 'articles')
  }
  await saveImportRecord(
    trx,
    { ...record_(key), kind: 'article', entityId: id, remoteUrl: null },
    scope.now,
  )
  if (status === 'published') {
    const toPath = articlePath({ language, sectionSlug: section.slug, id, slug: article.slug })
    for (const fromPath of [`/${slug}/`, `/${slug}`])
      await saveRedirect(trx, { fromPath, toPath, statusCode: 301 }, scope.now)
  }
  await createSearchIndex({ db: trx, now: () => scope.now }).indexArticles([id])
  await recordImported(
    trx,
    scope,
    { entity: 'article', action: existing ? 'updated' : 'created', id },
    ...(!existing && status === 'published'
      ? [{ entity: 'article' as const, action: 'published' as const, id }]
      : []),
  )
}

/** The post's audit entry and events, in its transaction: a running site hears of it at commit. */
async function recordImported(
  trx: Kysely<Database>,
  scope: Scope,
  ...events: Omit<ContentEvent, 'occurredAt'>[]
): Promise<void> {
  const first = events[0]
  if (!first) return
  await recordChange(
    trx,
    { actor: systemActor, ipAddress: null },
    {
      action: `import.ghost.${first.entity}`,
      entityType: first.entity,
      entityId: first.id,
      events,
    },
    scope.now,
  )
}

/** How the report names a post or page. */
function postName(post: GhostPost): string {
  return reportName(post.type === 'page' ? 'page' : 'post', post.id, post.title)
}

/** A record key without the site, which only the lookup takes. */
function record_(key: { origin: 'ghost'; externalId: string; guid: string }) {
  return { origin: key.origin, externalId: key.externalId, guid: key.guid }
}

/**
 * Imports a Ghost export: posts (html, else Lexical or mobiledoc) as articles, pages as pages, the
 * first tag of a post as its section and the others as tags, authors from the posts_authors join.
 * The whole file is read and checked before anything is written; each post is one transaction,
 * and a second run updates what the first imported.
 */
export async function importGhost(options: GhostImportOptions): Promise<ImportReport> {
  const { data } = await readGhostExport(options.path)
  const report = emptyReport()
  const run = async (db: Kysely<Database>) => {
    if ((await listEditions(db)).length === 0) await saveEditions(db, STARTING_EDITIONS)
    const languages = new Set((await listEditions(db)).map((edition) => edition.code))
    if (options.language && !languages.has(options.language))
      throw new Error(`there is no "${options.language}" edition`)
    const siteUrl = options.siteUrl ?? exportedSiteUrl(data)
    const media = await importGhostMedia({
      db,
      posts: data.posts,
      ...(siteUrl && { siteUrl }),
      ...(options.mediaDir && { mediaDir: options.mediaDir }),
      ...fetchWithProgress(options.fetchMedia, options.onProgress),
      ...(options.uploader && !options.isDryRun && { uploader: options.uploader }),
      language: options.language ?? 'en',
      report,
      now: options.now(),
    })
    for (const post of data.posts) {
      const local: Scope = {
        db,
        now: options.now(),
        report: emptyReport(),
        data,
        languages,
        ...(options.language && { forced: options.language }),
        media,
      }
      try {
        await withTransaction(db, (trx) => importPost(local, post, trx))
        mergeReport(report, local.report)
      } catch (error) {
        report.failed.push({
          item: postName(post),
          reason: error instanceof Error ? error.message : String(error),
        })
      }
    }
  }
  await runImport(options.db, options.isDryRun, run)
  return report
}
