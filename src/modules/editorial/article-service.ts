import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type {
  ArticleStatus,
  ArticleType,
  CoverageState,
  Database,
  NoticeKind,
} from '../../db/database.js'
import { withTransaction } from '../../db/transaction.js'
import { AppError } from '../../errors/app-error.js'
import type { Clock } from '../../platform/clock.js'
import type { ContentAction } from '../../platform/events.js'
import { deliverAfterCommit, type OutboxDelivery } from '../../platform/outbox/event-outbox.js'
import {
  actingUserId,
  assertPermission,
  hasPermission,
  seesAllArticles,
  type Actor,
} from '../access/actor.js'
import type { Article, ArticleSeo } from '../articles/article.js'
import { articlePath } from '../articles/article-path.js'
import { createArticle, findArticleById } from '../articles/article-queries.js'
import {
  addArticleNotice,
  deleteArticle,
  findArticleLinks,
  updateArticle,
  type ArticleChanges,
  type ArticleLinks,
} from '../articles/article-updates.js'
import type { ArticleDocument } from '../articles/document/article-document.js'
import { isArticleOwnedBy } from '../articles/newsroom-article-queries.js'
import { recordChange } from '../audit/record-change.js'
import { saveRedirect } from '../redirects/redirect-queries.js'
import { listSections, type Section } from '../sections/section-queries.js'
import {
  findAuthorIdOfUser,
  resolveReferences,
  type ArticleReferences,
} from './article-references.js'
import { withCoverage } from './live-coverage.js'
import { createPreviewLinks } from './preview-links.js'
import { changedFields, findRevision, recordRevision, snapshotOf } from './revisions.js'
import { canMove, WORKFLOW_ACTIONS, type WorkflowAction } from './workflow.js'

/** Who asks, and from where (for the audit log). */
export interface EditorialContext {
  actor: Actor
  ipAddress: string | null
}

/** The editable fields of an article as the APIs take them; references by slug, name or id. */
export interface ArticleFields extends ArticleReferences {
  type?: ArticleType
  headline?: string
  dek?: string
  slug?: string
  bodyDoc?: ArticleDocument
  excerpt?: string
  heroMediaId?: number | null
  heroGalleryId?: number | null
  sourceUrl?: string | null
  isBreaking?: boolean
  breakingUntil?: string | null
  isFeatured?: boolean
  pinnedPosition?: number | null
  seo?: ArticleSeo
  relatedArticleIds?: number[]
  /** A live story's coverage: `ended` ends it, `live` reopens it. */
  coverageState?: CoverageState
}

export interface NewArticleFields extends ArticleFields {
  language: string
  headline: string
  bodyDoc: ArticleDocument
  section: string | number
  status?: ArticleStatus
  scheduledAt?: string | null
}

export interface ArticleSave extends ArticleFields {
  /** The version the client edited; a save on an older one is refused with STALE_REVISION. */
  baseVersion?: number
  /** A public correction, clarification, update or editor's note published with this save. */
  notice?: { kind: NoticeKind; text: string }
}

interface Deps {
  db: Kysely<Database>
  clock: Clock
  outbox: OutboxDelivery
}

function notFound(id: number): AppError {
  return new AppError('NOT_FOUND', `There is no article ${id}`)
}

/** What an article is attached to, so listeners can purge pages it leaves. */
function attachmentsOf(article: Article, links: ArticleLinks | undefined): Record<string, unknown> {
  return {
    language: article.language,
    sectionId: article.sectionId,
    sourceId: article.sourceId,
    slug: article.slug,
    status: article.status,
    tagIds: links?.tagIds ?? [],
    authorIds: links?.authorIds ?? [],
    translationGroup: article.translationGroup,
  }
}

/** The event a status change makes: going live, leaving, or an edit. */
function eventActionOf(
  before: Pick<Article, 'status'>,
  after: Pick<Article, 'status'>,
): ContentAction {
  if (after.status === 'published' && before.status !== 'published') return 'published'
  if (before.status === 'published' && after.status !== 'published') return 'unpublished'
  return 'updated'
}

/**
 * The newsroom's operations on articles: create, save, move through the workflow, revisions,
 * notices and translations. Every change is checked against the actor and stored with a revision,
 * an audit entry and its events in one transaction, then delivered before the call returns.
 */
export function createArticleService({ db, clock, outbox }: Deps) {
  const delivered = () => deliverAfterCommit(db, outbox)
  const previews = createPreviewLinks({ db, now: () => clock.now() })

  /** The article if it exists and the actor may see it; someone else's draft is a 404. */
  async function loadVisible(actor: Actor, id: number): Promise<Article> {
    assertPermission(actor, 'articles.read')
    const article = await findArticleById(db, id)
    if (!article) throw notFound(id)
    if (!seesAllArticles(actor) && actor.kind === 'user') {
      if (!(await isArticleOwnedBy(db, id, actor.userId))) throw notFound(id)
    }
    return article
  }

  /** Loads for a change: contributors cannot touch what is live or waiting to go live. */
  async function loadEditable(actor: Actor, id: number): Promise<Article> {
    const article = await loadVisible(actor, id)
    assertPermission(actor, 'articles.write')
    const isLiveOrDue = article.status === 'published' || article.status === 'scheduled'
    if (isLiveOrDue && !hasPermission(actor, 'articles.publish')) {
      throw new AppError(
        'FORBIDDEN',
        'Only a publisher can change a published or scheduled article',
      )
    }
    return article
  }

  /** The audit entry and the article events of one change, in its transaction. */
  async function record(
    trx: Kysely<Database>,
    context: EditorialContext,
    change: {
      action: string
      id: number
      details?: Record<string, unknown>
      events: { action: ContentAction; id: number; previous?: Record<string, unknown> }[]
    },
  ): Promise<void> {
    await recordChange(
      trx,
      context,
      {
        action: change.action,
        entityType: 'article',
        entityId: change.id,
        details: change.details,
        events: change.events.map((event) => ({ entity: 'article', ...event })),
      },
      clock.now(),
    )
  }

  /** Resolves references inside the caller's transaction, so new tags roll back with it. */
  async function resolveChanges(
    trx: Kysely<Database>,
    language: string,
    fields: ArticleFields,
  ): Promise<ArticleChanges> {
    const { section, tags, authors, source, ...plain } = fields
    const references = await resolveReferences(
      trx,
      { language, references: { section, tags, authors, source } },
      clock.now(),
    )
    const changes: ArticleChanges = { ...references }
    for (const [key, value] of Object.entries(plain)) {
      if (value !== undefined) Object.assign(changes, { [key]: value })
    }
    if (changes.headline !== undefined) changes.headline = changes.headline.trim()
    return changes
  }

  function assertScheduleTime(scheduledAt: string | null | undefined): string {
    if (!scheduledAt || Number.isNaN(Date.parse(scheduledAt))) {
      throw new AppError('VALIDATION_FAILED', 'Scheduling needs a time', {
        property: 'scheduledAt',
      })
    }
    if (Date.parse(scheduledAt) <= clock.now().getTime()) {
      throw new AppError('VALIDATION_FAILED', 'The scheduled time must be in the future', {
        property: 'scheduledAt',
      })
    }
    return new Date(scheduledAt).toISOString()
  }

  /** The status columns an action sets. */
  function statusChanges(
    article: Pick<Article, 'publishedAt'>,
    action: WorkflowAction,
    scheduledAt?: string | null,
  ): ArticleChanges {
    const to = WORKFLOW_ACTIONS[action].to
    if (action === 'schedule') return { status: to, scheduledAt: assertScheduleTime(scheduledAt) }
    if (action === 'publish') {
      return {
        status: to,
        scheduledAt: null,
        publishedAt: article.publishedAt ?? clock.now().toISOString(),
      }
    }
    return { status: to, scheduledAt: to === 'draft' ? null : undefined }
  }

  /** The public path of an article, given the section list (one read serves a whole page). */
  function publicPathOfKnown(
    article: Pick<Article, 'id' | 'language' | 'sectionId' | 'slug'>,
    sections: Section[],
  ): string {
    const section = sections.find((candidate) => candidate.id === article.sectionId)
    const sectionSlug = section?.translations[article.language]?.slug ?? String(article.sectionId)
    return articlePath({ ...article, sectionSlug })
  }

  async function publicPathOf(article: Pick<Article, 'id' | 'language' | 'sectionId' | 'slug'>) {
    return publicPathOfKnown(article, await listSections(db))
  }

  async function create(context: EditorialContext, fields: NewArticleFields): Promise<Article> {
    const id = await withTransaction(db, (trx) => insertArticle(trx, context, fields))
    await delivered()
    return loadVisible(context.actor, id)
  }

  /** Checks and stores a new article with its revision, audit entry and events, in `trx`. */
  async function insertArticle(
    trx: Kysely<Database>,
    context: EditorialContext,
    fields: NewArticleFields,
  ): Promise<number> {
    const { actor } = context
    assertPermission(actor, 'articles.write')
    const requested = fields.status ?? 'draft'
    const action: WorkflowAction | undefined =
      requested === 'draft'
        ? undefined
        : requested === 'in_review'
          ? 'submit'
          : requested === 'published'
            ? 'publish'
            : requested === 'scheduled'
              ? 'schedule'
              : undefined
    if (requested !== 'draft' && !action) {
      throw new AppError('ILLEGAL_TRANSITION', `A new article cannot start as ${requested}`, {
        property: 'status',
      })
    }
    if (action) assertPermission(actor, WORKFLOW_ACTIONS[action].permission)
    const userId = actingUserId(actor)
    const { status: _status, scheduledAt, language, ...rest } = fields
    const changes = await resolveChanges(trx, language, rest)
    if (!changes.authorIds?.length && actor.kind === 'user') {
      const ownAuthor = await findAuthorIdOfUser(trx, actor.userId)
      if (ownAuthor) changes.authorIds = [ownAuthor]
    }
    const status = action ? statusChanges({ publishedAt: null }, action, scheduledAt) : {}
    const coverage = withCoverage(undefined, { ...changes, ...status }, clock.now())
    const id = await createArticle(
      trx,
      {
        ...changes,
        language,
        headline: changes.headline ?? fields.headline,
        bodyDoc: changes.bodyDoc ?? fields.bodyDoc,
        sectionId: changes.sectionId ?? 0,
        status: status.status ?? 'draft',
        scheduledAt: status.scheduledAt ?? null,
        publishedAt: status.publishedAt ?? null,
        coverageState: coverage.coverageState,
        coverageStartedAt: coverage.coverageStartedAt,
        createdBy: userId,
      },
      clock.now(),
    )
    const created = await findArticleById(trx, id)
    const links = (await findArticleLinks(trx, [id])).get(id)
    if (!created || !links) throw notFound(id)
    const snapshot = snapshotOf(created, links)
    await recordRevision(
      trx,
      {
        articleId: id,
        kind: 'save',
        userId,
        snapshot,
        changedFields: changedFields(undefined, snapshot),
      },
      clock.now(),
    )
    await record(trx, context, {
      action: 'article.create',
      id,
      details: { status: created.status },
      events: [
        { action: 'created', id },
        ...(created.status === 'published' ? [{ action: 'published' as const, id }] : []),
      ],
    })
    return id
  }

  /** Applies changes as one new version with a revision; the caller has checked access. */
  async function applySave(
    context: EditorialContext,
    article: Article,
    input: {
      /** The changes, worked out inside the save's transaction. */
      changes: (trx: Kysely<Database>) => Promise<ArticleChanges> | ArticleChanges
      kind: 'save' | 'restore'
      notice?: { kind: NoticeKind; text: string }
      auditAction: string
    },
  ): Promise<void> {
    const userId = actingUserId(context.actor)
    await withTransaction(db, async (trx) => {
      const linksBefore = (await findArticleLinks(trx, [article.id])).get(article.id)
      const isSaved = await updateArticle(
        trx,
        {
          id: article.id,
          changes: withCoverage(article, await input.changes(trx), clock.now()),
          updatedBy: userId,
          expectedVersion: article.version,
        },
        clock.now(),
      )
      if (!isSaved) throw staleRevision()
      const saved = await findArticleById(trx, article.id)
      const links = (await findArticleLinks(trx, [article.id])).get(article.id)
      if (!saved || !links) throw notFound(article.id)
      const before = snapshotOf(article, linksBefore ?? links)
      const after = snapshotOf(saved, links)
      const fields = changedFields(before, after)
      if (input.notice) fields.push('notices')
      const revision = await recordRevision(
        trx,
        { articleId: article.id, kind: input.kind, userId, snapshot: after, changedFields: fields },
        clock.now(),
      )
      if (input.notice) {
        await addArticleNotice(
          trx,
          { articleId: article.id, ...input.notice, revisionId: revision.id },
          clock.now(),
        )
      }
      if (article.status === 'published' && saved.status === 'published') {
        const sections = await listSections(trx)
        const previousPath = publicPathOfKnown(article, sections)
        const currentPath = publicPathOfKnown(saved, sections)
        if (currentPath !== previousPath) {
          await saveRedirect(
            trx,
            { fromPath: previousPath, toPath: currentPath, statusCode: 301 },
            clock.now(),
          )
        }
      }
      await record(trx, context, {
        action: input.auditAction,
        id: article.id,
        details: { changedFields: fields },
        events: [
          {
            action: eventActionOf(article, saved),
            id: article.id,
            previous: attachmentsOf(article, linksBefore),
          },
        ],
      })
    })
    await delivered()
  }

  function staleRevision(): AppError {
    return new AppError(
      'STALE_REVISION',
      'Someone saved this article after you opened it; reload it and apply your changes again',
      { property: 'baseVersion' },
    )
  }

  async function save(context: EditorialContext, id: number, input: ArticleSave): Promise<Article> {
    const article = await loadEditable(context.actor, id)
    if (input.baseVersion !== undefined && input.baseVersion !== article.version)
      throw staleRevision()
    const { baseVersion: _base, notice, ...fields } = input
    await applySave(context, article, {
      changes: (trx) => resolveChanges(trx, article.language, fields),
      kind: 'save',
      notice,
      auditAction: 'article.update',
    })
    return loadVisible(context.actor, id)
  }

  async function transition(
    context: EditorialContext,
    id: number,
    input: { action: WorkflowAction; scheduledAt?: string | null; baseVersion?: number },
  ): Promise<Article> {
    const article = await loadVisible(context.actor, id)
    const rule = WORKFLOW_ACTIONS[input.action]
    assertPermission(context.actor, rule.permission)
    if (input.baseVersion !== undefined && input.baseVersion !== article.version)
      throw staleRevision()
    if (!canMove(input.action, article.status)) {
      throw new AppError(
        'ILLEGAL_TRANSITION',
        `An article that is ${article.status.replace('_', ' ')} cannot ${input.action}`,
        { property: 'action' },
      )
    }
    await applySave(context, article, {
      changes: () => statusChanges(article, input.action, input.scheduledAt),
      kind: 'save',
      auditAction: `article.${input.action}`,
    })
    return loadVisible(context.actor, id)
  }

  /** Stores the editor's unsaved state as an autosave revision; the article itself is untouched. */
  async function autosave(
    context: EditorialContext,
    id: number,
    fields: ArticleFields,
  ): Promise<{ number: number; createdAt: string }> {
    const article = await loadEditable(context.actor, id)
    const changes = await resolveChanges(db, article.language, fields)
    const links = (await findArticleLinks(db, [id])).get(id) ?? {
      authorIds: [],
      tagIds: [],
      relatedArticleIds: [],
    }
    const before = snapshotOf(article, links)
    const after = { ...before, ...changes } as typeof before
    const revision = await recordRevision(
      db,
      {
        articleId: id,
        kind: 'autosave',
        userId: actingUserId(context.actor),
        snapshot: after,
        changedFields: changedFields(before, after),
      },
      clock.now(),
    )
    return { number: revision.number, createdAt: clock.now().toISOString() }
  }

  /** Brings back the content of an earlier revision as a new save (status stays as it is). */
  async function restore(context: EditorialContext, id: number, number: number): Promise<Article> {
    const article = await loadEditable(context.actor, id)
    const revision = await findRevision(db, id, number)
    if (!revision) throw new AppError('NOT_FOUND', `Article ${id} has no revision ${number}`)
    const {
      status: _s,
      scheduledAt: _sa,
      publishedAt: _p,
      language: _l,
      coverageState: _c,
      ...content
    } = revision.snapshot
    await applySave(context, article, {
      changes: () => content,
      kind: 'restore',
      auditAction: 'article.restore',
    })
    return loadVisible(context.actor, id)
  }

  async function remove(context: EditorialContext, id: number): Promise<void> {
    const article = await loadVisible(context.actor, id)
    assertPermission(context.actor, 'articles.delete')
    const previous = attachmentsOf(article, (await findArticleLinks(db, [id])).get(id))
    await withTransaction(db, async (trx) => {
      await deleteArticle(trx, id)
      await record(trx, context, {
        action: 'article.delete',
        id,
        details: { headline: article.headline },
        events: [{ action: 'deleted', id, previous }],
      })
    })
    await delivered()
  }

  /** A draft in another language, linked as a translation, with the same section, media and source. */
  async function createTranslation(
    context: EditorialContext,
    id: number,
    language: string,
  ): Promise<Article> {
    const original = await loadVisible(context.actor, id)
    if (language === original.language) {
      throw new AppError('VALIDATION_FAILED', 'A translation needs another language', {
        property: 'language',
      })
    }
    const group = original.translationGroup ?? randomUUID()
    const existing = await db
      .selectFrom('articles')
      .select('id')
      .where('translationGroup', '=', group)
      .where('language', '=', language)
      .executeTakeFirst()
    if (existing) {
      throw new AppError(
        'CONFLICT',
        `This story already has a ${language} version (${existing.id})`,
        {
          property: 'language',
        },
      )
    }
    const translationId = await withTransaction(db, async (trx) => {
      if (!original.translationGroup) {
        await trx
          .updateTable('articles')
          .set({ translationGroup: group })
          .where('id', '=', id)
          .execute()
      }
      const links = (await findArticleLinks(trx, [id])).get(id)
      const tagSlugs = links?.tagIds.length
        ? await trx.selectFrom('tags').select('slug').where('id', 'in', links.tagIds).execute()
        : []
      const matchingTags = tagSlugs.length
        ? await trx
            .selectFrom('tags')
            .select('name')
            .where('language', '=', language)
            .where(
              'slug',
              'in',
              tagSlugs.map((tag) => tag.slug),
            )
            .execute()
        : []
      const translationId = await insertArticle(trx, context, {
        language,
        headline: original.headline,
        dek: original.dek,
        bodyDoc: original.bodyDoc,
        section: original.sectionId,
        tags: matchingTags.map((tag) => tag.name),
        authors: links?.authorIds,
        source: original.sourceId,
        sourceUrl: original.sourceUrl,
        heroMediaId: original.heroMediaId,
        heroGalleryId: original.heroGalleryId,
        type: original.type,
      })
      await trx
        .updateTable('articles')
        .set({ translationGroup: group })
        .where('id', '=', translationId)
        .execute()
      return translationId
    })
    await delivered()
    return loadVisible(context.actor, translationId)
  }

  /** Links two existing articles as language versions of one story. */
  async function linkTranslation(
    context: EditorialContext,
    id: number,
    otherId: number,
  ): Promise<void> {
    const [article, other] = [
      await loadEditable(context.actor, id),
      await loadEditable(context.actor, otherId),
    ]
    if (article.language === other.language) {
      throw new AppError('VALIDATION_FAILED', 'Translations must be in different languages', {
        property: 'articleId',
      })
    }
    const group = article.translationGroup ?? other.translationGroup ?? randomUUID()
    const clash = await db
      .selectFrom('articles')
      .select('id')
      .where('translationGroup', '=', group)
      .where('language', '=', other.language)
      .where('id', '!=', other.id)
      .executeTakeFirst()
    if (clash) {
      throw new AppError(
        'CONFLICT',
        `This story already has a ${other.language} version (${clash.id})`,
      )
    }
    await withTransaction(db, async (trx) => {
      await trx
        .updateTable('articles')
        .set({ translationGroup: group })
        .where('id', 'in', [id, otherId])
        .execute()
      await record(trx, context, {
        action: 'article.link_translation',
        id,
        details: { translationId: otherId },
        events: [
          { action: 'updated', id },
          { action: 'updated', id: otherId },
        ],
      })
    })
    await delivered()
  }

  /**
   * Publishes every scheduled article whose time has come. Each is claimed by a conditional
   * update, so when several processes run this at once each article is published exactly once.
   */
  async function publishDueArticles(): Promise<number[]> {
    const now = clock.now().toISOString()
    const due = await db
      .selectFrom('articles')
      .select(['id', 'scheduledAt'])
      .where('status', '=', 'scheduled')
      .where('scheduledAt', '<=', now)
      .orderBy('scheduledAt')
      .limit(100)
      .execute()
    const published: number[] = []
    for (const { id, scheduledAt } of due) {
      const isMine = await withTransaction(db, async (trx) => {
        const claimed = await trx
          .updateTable('articles')
          .set((eb) => ({
            status: 'published',
            publishedAt: scheduledAt ?? now,
            scheduledAt: null,
            updatedAt: now,
            version: eb('version', '+', 1),
          }))
          .where('id', '=', id)
          .where('status', '=', 'scheduled')
          .executeTakeFirst()
        if (Number(claimed.numUpdatedRows) !== 1) return false
        // A scheduled live story's coverage starts when it goes out, as a published one's does.
        await trx
          .updateTable('articles')
          .set({ coverageStartedAt: scheduledAt ?? now })
          .where('id', '=', id)
          .where('coverageState', 'is not', null)
          .where('coverageStartedAt', 'is', null)
          .execute()
        const article = await findArticleById(trx, id)
        const links = (await findArticleLinks(trx, [id])).get(id)
        if (article && links) {
          await recordRevision(
            trx,
            {
              articleId: id,
              kind: 'save',
              userId: null,
              snapshot: snapshotOf(article, links),
              changedFields: ['publishedAt', 'scheduledAt', 'status'],
            },
            clock.now(),
          )
        }
        await record(
          trx,
          { actor: { kind: 'system' }, ipAddress: null },
          { action: 'article.publish_scheduled', id, events: [{ action: 'published', id }] },
        )
        return true
      })
      if (isMine) published.push(id)
    }
    if (published.length > 0) await delivered()
    return published
  }

  /**
   * A signed link to the article as its public page will show it, for someone outside the
   * newsroom: audited, since it hands a draft out.
   */
  async function issuePreviewLink(
    context: EditorialContext,
    id: number,
  ): Promise<{ token: string; expiresAt: string }> {
    await loadVisible(context.actor, id)
    const link = await previews.sign(id)
    await withTransaction(db, (trx) =>
      record(trx, context, {
        action: 'article.issue_preview_link',
        id,
        details: { expiresAt: link.expiresAt },
        events: [],
      }),
    )
    return link
  }

  return {
    get: loadVisible,
    /** The article if the actor may change it (what a live story's entries ask too). */
    getEditable: loadEditable,
    issuePreviewLink,
    create,
    save,
    transition,
    autosave,
    restore,
    remove,
    createTranslation,
    linkTranslation,
    publishDueArticles,
    publicPathOf,
    publicPathOfKnown,
  }
}

export type ArticleService = ReturnType<typeof createArticleService>
