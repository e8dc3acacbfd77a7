import { z } from 'zod'
import { INSTANT, pageOf } from '../../http/response-schemas.js'
import { ARTICLE_DOCUMENT_SCHEMA } from '../articles/document/document-schema.js'
import { CONTACT_MESSAGE } from '../contact/contact-responses.js'
import { PERMISSION_NAME } from '../access/access-responses.js'
import { WORKFLOW_ACTION_NAMES, type WorkflowAction } from './workflow.js'

/** What the Admin API answers about articles: the views, lists and results of its routes. */

export const ARTICLE_STATUS = z
  .enum(['draft', 'in_review', 'scheduled', 'published', 'unpublished'])
  .meta({ id: 'ArticleStatus' })
export const ARTICLE_TYPE = z
  .enum(['report', 'analysis', 'opinion', 'background', 'review', 'live'])
  .meta({ id: 'ArticleType' })
const COVERAGE_STATE = z
  .enum(['live', 'ended'])
  .nullable()
  .describe("A live story's coverage; null for every other type")

/** A linked record named in the article's language. */
const NAMED_LINK = z.object({ id: z.number().int(), slug: z.string(), name: z.string() })

export const EDIT_LOCK = z
  .object({ userId: z.number().int(), userName: z.string(), since: INSTANT, refreshedAt: INSTANT })
  .meta({ id: 'EditLock', description: 'Who is editing the article, and since when' })

export const ARTICLE_NOTICE_VIEW = z
  .object({
    id: z.number().int(),
    kind: z.enum(['correction', 'clarification', 'update', 'editors_note']),
    text: z.string(),
    revisionId: z
      .number()
      .int()
      .nullable()
      .describe('The revision whose save published it; null when none did (an import)'),
    createdAt: INSTANT,
  })
  .meta({
    id: 'ArticleNotice',
    description: "A public correction, clarification, update or editor's note",
  })

/** One article as the editor loads it (toArticleView). */
export const ARTICLE_VIEW = z
  .object({
    id: z.number().int(),
    url: z.string(),
    language: z.string(),
    status: ARTICLE_STATUS,
    type: ARTICLE_TYPE,
    headline: z.string(),
    dek: z.string(),
    slug: z.string(),
    excerpt: z.string(),
    section: NAMED_LINK,
    tags: z.array(z.object({ id: z.number().int(), name: z.string(), slug: z.string() })),
    authors: z.array(NAMED_LINK),
    source: NAMED_LINK.nullable(),
    sourceUrl: z.string().nullable(),
    bodyDoc: ARTICLE_DOCUMENT_SCHEMA,
    bodyHtml: z.string().describe('The body as the public page shows it (sanitised)'),
    wordCount: z.number().int(),
    heroMediaId: z.number().int().nullable(),
    heroGalleryId: z.number().int().nullable(),
    isBreaking: z.boolean(),
    breakingUntil: INSTANT.nullable(),
    isFeatured: z.boolean(),
    pinnedPosition: z.number().int().nullable(),
    seo: z.object({
      title: z.string().optional(),
      description: z.string().optional(),
      socialTitle: z.string().optional(),
      socialDescription: z.string().optional(),
      imageMediaId: z.number().int().optional(),
    }),
    notices: z.array(ARTICLE_NOTICE_VIEW),
    translationGroup: z.string().nullable(),
    translations: z.array(
      z.object({ id: z.number().int(), language: z.string(), status: ARTICLE_STATUS }),
    ),
    publishedAt: INSTANT.nullable(),
    scheduledAt: INSTANT.nullable(),
    createdAt: INSTANT,
    updatedAt: INSTANT,
    version: z.number().int(),
    lock: EDIT_LOCK.nullable(),
    coverageState: COVERAGE_STATE,
    coverageStartedAt: INSTANT.nullable().describe('When a live story was first published'),
    coverageEndedAt: INSTANT.nullable().describe('When its coverage was ended'),
  })
  .meta({ id: 'Article', description: 'One article with its links, translations and edit lock' })

/** A row of the newsroom's article lists. */
export const ARTICLE_LIST_ROW = z
  .object({
    id: z.number().int(),
    language: z.string(),
    status: ARTICLE_STATUS,
    type: ARTICLE_TYPE,
    coverageState: COVERAGE_STATE,
    headline: z.string(),
    slug: z.string(),
    sectionId: z.number().int(),
    sectionName: z.string().describe("The section's name in the article's language"),
    authors: z.array(NAMED_LINK),
    isBreaking: z.boolean(),
    isFeatured: z.boolean(),
    publishedAt: INSTANT.nullable(),
    scheduledAt: INSTANT.nullable(),
    updatedAt: INSTANT,
    createdBy: z.number().int().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'ArticleSummary', description: 'A row of the article list' })

export const ARTICLE_LIST = pageOf(
  ARTICLE_LIST_ROW.extend({
    snippet: z
      .array(z.object({ text: z.string(), isMatch: z.boolean() }))
      .optional()
      .describe('The matched words marked, when the list answers a search'),
  }),
).meta({ id: 'ArticlePage' })

export const BULK_RESULTS = z.object({
  results: z.array(
    z.union([
      z.object({
        id: z.number().int(),
        outcome: z.literal('done'),
        status: ARTICLE_STATUS.nullable(),
      }),
      z.object({
        id: z.number().int(),
        outcome: z.literal('failed'),
        error: z.object({ code: z.string(), message: z.string() }),
      }),
    ]),
  ),
})

export const REVISION_SUMMARY = z
  .object({
    id: z.number().int(),
    number: z.number().int(),
    kind: z.enum(['save', 'autosave', 'restore']),
    userId: z.number().int().nullable(),
    userName: z.string().nullable().optional(),
    changedFields: z.array(z.string()),
    createdAt: INSTANT,
  })
  .meta({ id: 'RevisionSummary' })

export const REVISION_COMPARISON = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  })
  .meta({ id: 'RevisionComparison' })

export const PREVIEW_LINK = z.object({ url: z.string(), expiresAt: INSTANT })

export const LOCK_STATE = z.object({ lock: EDIT_LOCK.nullable(), isMine: z.boolean() })

const ARTICLE_PANEL = z
  .object({ items: z.array(ARTICLE_LIST_ROW), total: z.number().int() })
  .meta({ id: 'ArticlePanel', description: 'A dashboard panel: the first few and how many in all' })

export const DASHBOARD = z
  .object({
    myDrafts: ARTICLE_PANEL,
    inReview: ARTICLE_PANEL,
    scheduled: ARTICLE_PANEL,
    recentlyPublished: ARTICLE_PANEL,
    breaking: ARTICLE_PANEL,
    contact: z
      .object({ unreadCount: z.number().int(), latest: z.array(CONTACT_MESSAGE) })
      .nullable(),
    mostReadToday: z.array(
      z.object({
        id: z.number().int(),
        language: z.string(),
        headline: z.string(),
        views: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'Dashboard' })

export const WORKFLOW = z
  .object({
    actions: z.array(
      z.object({
        action: z
          .enum(WORKFLOW_ACTION_NAMES as [WorkflowAction, ...WorkflowAction[]])
          .meta({ id: 'WorkflowAction' }),
        from: z.array(ARTICLE_STATUS),
        to: ARTICLE_STATUS,
        permission: PERMISSION_NAME.describe('The permission the action needs'),
      }),
    ),
  })
  .meta({
    id: 'Workflow',
    description: 'The moves between statuses, where each may start and the permission it needs',
  })
