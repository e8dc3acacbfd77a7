import { contextOf } from '../../http/change-context.js'
import type { FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { defineRoute } from '../../http/api-route.js'
import { INSTANT, listOf } from '../../http/response-schemas.js'
import type { Database } from '../../db/database.js'
import { AppError } from '../../errors/app-error.js'
import type { Clock } from '../../platform/clock.js'
import type { Article } from '../articles/article.js'
import { documentOfBody } from '../articles/document/html-to-document.js'
import type { SearchIndex } from '../search/search-index.js'
import { applyBulkAction, BULK_ACTIONS } from './article-bulk.js'
import { listArticlesFor } from './article-listing.js'
import {
  ARTICLE_LIST,
  ARTICLE_VIEW,
  BULK_RESULTS,
  LOCK_STATE,
  PREVIEW_LINK,
  REVISION_COMPARISON,
  REVISION_SUMMARY,
  WORKFLOW,
} from './article-responses.js'
import {
  ARTICLE_LIST_QUERY,
  ARTICLE_NOTICE,
  ARTICLE_SAVE,
  ARTICLE_TRANSITION,
  ID_PARAMS,
  NEW_ARTICLE,
  REVISION_PARAMS,
  ARTICLE_FIELDS,
} from './article-schemas.js'
import type { ArticleService } from './article-service.js'
import { toArticleView } from './article-view.js'
import { acquireEditLock, findEditLock, releaseEditLock } from './edit-locks.js'
import { compareSnapshots, findRevision, listRevisions } from './revisions.js'
import { describeWorkflow, type WorkflowAction } from './workflow.js'
import { ID, ID_TEXT, LANGUAGE_CODE } from '../../http/common-schemas.js'

const ARTICLE_BODY_LIMIT = 4 * 1024 * 1024

/** Edit locks belong to people; an API token sees who holds one but never takes it. */
function lockHolderOf(request: FastifyRequest): number | undefined {
  const { actor } = contextOf(request)
  return actor.kind === 'user' ? actor.userId : undefined
}

/** The Admin API's article routes: list, read, write, workflow, revisions, locks, translations. */
export function articleRoutes(deps: {
  db: Kysely<Database>
  clock: Clock
  siteUrl: string
  articles: ArticleService
  search: SearchIndex
}) {
  const { db, clock, articles } = deps
  const view = async (article: Article) =>
    toArticleView(db, {
      article,
      publicUrl: `${deps.siteUrl}${await articles.publicPathOf(article)}`,
      now: clock.now(),
    })
  const tag = 'articles'
  return [
    defineRoute({
      method: 'GET',
      url: '/api/admin/articles',
      access: { permission: 'articles.read' },
      tag,
      summary:
        'List articles in any status, with filters and pagination; q searches the index (drafts included)',
      query: ARTICLE_LIST_QUERY,
      response: ARTICLE_LIST,
      handle: ({ query, request }) => listArticlesFor(deps, contextOf(request).actor, query),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/articles',
      access: { permission: 'articles.write' },
      tag,
      summary:
        'Create an article (body as HTML or as a document); status may start it in the workflow',
      body: NEW_ARTICLE,
      bodyLimit: ARTICLE_BODY_LIMIT,
      successStatus: 201,
      response: ARTICLE_VIEW,
      handle: async ({ body, request }) => {
        const { body: html, bodyDoc, ...fields } = body
        const document = documentOfBody({ body: html, bodyDoc }) ?? { type: 'doc', content: [] }
        return view(await articles.create(contextOf(request), { ...fields, bodyDoc: document }))
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/articles/bulk',
      access: { permission: 'articles.publish' },
      tag,
      summary:
        'Publish, unpublish or delete several articles; each is done or refused on its own, with a result per article',
      body: z.strictObject({
        action: z.enum(BULK_ACTIONS),
        ids: z.array(ID).min(1).max(100),
      }),
      response: BULK_RESULTS,
      handle: ({ body, request }) => applyBulkAction(articles, contextOf(request), body),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/admin/articles/:id',
      access: { permission: 'articles.read' },
      tag,
      summary: 'One article with its links, translations, notices and edit lock',
      params: ID_PARAMS,
      response: ARTICLE_VIEW,
      handle: async ({ params, request }) =>
        view(await articles.get(contextOf(request).actor, params.id)),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/api/admin/articles/:id',
      access: { permission: 'articles.write' },
      tag,
      summary: 'Save changes (refused with STALE_REVISION when baseVersion is not the latest)',
      params: ID_PARAMS,
      body: ARTICLE_SAVE,
      bodyLimit: ARTICLE_BODY_LIMIT,
      response: ARTICLE_VIEW,
      handle: async ({ params, body, request }) => {
        const { body: html, bodyDoc, ...fields } = body
        const document = documentOfBody({ body: html, bodyDoc })
        return view(
          await articles.save(contextOf(request), params.id, {
            ...fields,
            ...(document ? { bodyDoc: document } : {}),
          }),
        )
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/admin/articles/:id',
      access: { permission: 'articles.delete' },
      tag,
      summary: 'Delete an article',
      params: ID_PARAMS,
      handle: ({ params, request }) => articles.remove(contextOf(request), params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/api/admin/workflow',
      access: { permission: 'articles.read' },
      tag,
      summary:
        'The workflow: each action, the statuses it starts from, where it goes and the permission it needs',
      response: WORKFLOW,
      handle: () => Promise.resolve({ actions: describeWorkflow() }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/articles/:id/transitions',
      access: { permission: 'articles.submit' },
      tag,
      summary:
        'Move through the workflow: submit, return, schedule, unschedule, publish, unpublish, reopen',
      params: ID_PARAMS,
      body: ARTICLE_TRANSITION,
      response: ARTICLE_VIEW,
      handle: async ({ params, body, request }) =>
        view(
          await articles.transition(contextOf(request), params.id, {
            ...body,
            action: body.action as WorkflowAction,
          }),
        ),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/articles/:id/autosave',
      access: { permission: 'articles.write' },
      tag,
      summary: 'Keep unsaved changes as an autosave revision without changing the article',
      params: ID_PARAMS,
      body: ARTICLE_FIELDS,
      bodyLimit: ARTICLE_BODY_LIMIT,
      response: z.object({ number: z.number().int(), createdAt: INSTANT }),
      handle: ({ params, body, request }) => {
        const { body: html, bodyDoc, ...fields } = body
        const document = documentOfBody({ body: html, bodyDoc })
        return articles.autosave(contextOf(request), params.id, {
          ...fields,
          ...(document ? { bodyDoc: document } : {}),
        })
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/admin/articles/:id/revisions',
      access: { permission: 'articles.read' },
      tag,
      summary: 'The revisions of an article, newest first',
      params: ID_PARAMS,
      response: listOf(REVISION_SUMMARY),
      handle: async ({ params, request }) => {
        await articles.get(contextOf(request).actor, params.id)
        return { items: await listRevisions(db, params.id) }
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/admin/articles/:id/revisions/compare',
      access: { permission: 'articles.read' },
      tag,
      summary: 'The fields that differ between two revisions',
      params: ID_PARAMS,
      query: z.strictObject({
        from: ID_TEXT,
        to: ID_TEXT,
      }),
      response: REVISION_COMPARISON,
      handle: async ({ params, query, request }) => {
        await articles.get(contextOf(request).actor, params.id)
        const [from, to] = await Promise.all([
          findRevision(db, params.id, query.from),
          findRevision(db, params.id, query.to),
        ])
        if (!from || !to) throw new AppError('NOT_FOUND', 'No such revision')
        return {
          from: query.from,
          to: query.to,
          changes: compareSnapshots(from.snapshot, to.snapshot),
        }
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/api/admin/articles/:id/revisions/:number',
      access: { permission: 'articles.read' },
      tag,
      summary: 'One revision with its full snapshot',
      params: REVISION_PARAMS,
      handle: async ({ params, request }) => {
        await articles.get(contextOf(request).actor, params.id)
        const revision = await findRevision(db, params.id, params.number)
        if (!revision) throw new AppError('NOT_FOUND', `No revision ${params.number}`)
        return revision
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/articles/:id/revisions/:number/restore',
      access: { permission: 'articles.write' },
      tag,
      summary: 'Restore the content of a revision as a new save',
      params: REVISION_PARAMS,
      response: ARTICLE_VIEW,
      handle: async ({ params, request }) =>
        view(await articles.restore(contextOf(request), params.id, params.number)),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/articles/:id/preview-link',
      access: { permission: 'articles.read' },
      tag,
      summary:
        'A signed link, valid for 24 hours, to the article as its public page will show it (any status, noindex)',
      params: ID_PARAMS,
      successStatus: 201,
      response: PREVIEW_LINK,
      handle: async ({ params, request }) => {
        const { token, expiresAt } = await articles.issuePreviewLink(contextOf(request), params.id)
        return { url: `${deps.siteUrl}/preview/${token}`, expiresAt }
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/articles/:id/notices',
      access: { permission: 'articles.write' },
      tag,
      summary: "Publish a correction, clarification, update or editor's note",
      params: ID_PARAMS,
      body: ARTICLE_NOTICE,
      successStatus: 201,
      response: ARTICLE_VIEW,
      handle: async ({ params, body, request }) =>
        view(await articles.save(contextOf(request), params.id, { notice: body })),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/articles/:id/translations',
      access: { permission: 'articles.write' },
      tag,
      summary: 'Create a draft translation in another language, linked to this story',
      params: ID_PARAMS,
      body: z.strictObject({ language: LANGUAGE_CODE }),
      successStatus: 201,
      response: ARTICLE_VIEW,
      handle: async ({ params, body, request }) =>
        view(await articles.createTranslation(contextOf(request), params.id, body.language)),
    }),
    defineRoute({
      method: 'PUT',
      url: '/api/admin/articles/:id/translations/:otherId',
      access: { permission: 'articles.write' },
      tag,
      summary: 'Link an existing article as a translation of this one',
      params: ID_PARAMS.extend({ otherId: ID_TEXT }),
      handle: ({ params, request }) =>
        articles.linkTranslation(contextOf(request), params.id, params.otherId),
    }),
    defineRoute({
      method: 'POST',
      url: '/api/admin/articles/:id/lock',
      access: { permission: 'articles.write' },
      tag,
      summary: 'Take or refresh the edit lock; takeOver takes it from someone else',
      params: ID_PARAMS,
      body: z.strictObject({ takeOver: z.boolean().optional() }).optional(),
      response: LOCK_STATE,
      handle: async ({ params, body, request }) => {
        await articles.get(contextOf(request).actor, params.id)
        const userId = lockHolderOf(request)
        const lock =
          userId === undefined
            ? await findEditLock(db, params.id, clock.now())
            : await acquireEditLock(
                db,
                { articleId: params.id, userId, takeOver: body?.takeOver ?? false },
                clock.now(),
              )
        return { lock: lock ?? null, isMine: userId !== undefined && lock?.userId === userId }
      },
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api/admin/articles/:id/lock',
      access: { permission: 'articles.write' },
      tag,
      summary: 'Release the edit lock',
      params: ID_PARAMS,
      handle: async ({ params, request }) => {
        // Someone else's draft answers 404 here too, like every other route that names it.
        await articles.get(contextOf(request).actor, params.id)
        const userId = lockHolderOf(request)
        if (userId !== undefined) await releaseEditLock(db, { articleId: params.id, userId })
      },
    }),
  ]
}
