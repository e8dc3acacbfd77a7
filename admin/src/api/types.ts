/**
 * The Admin API's types, generated from the server's OpenAPI document: npm run generate:api-types
 * writes generated/openapi-types.ts from the route definitions (typecheck, lint, `vite` and the
 * admin build run it first; the file is not in git). Nothing here is written by hand but names.
 */
import type { ArticleNotice, Operations, Session } from './generated/openapi-types.js'

export type {
  AccountListing,
  ApiToken,
  Article,
  ArticlePage,
  ArticlePanel,
  ArticleStatus,
  ArticleSummary,
  ArticleType,
  AuditEntry,
  AuditPage,
  Author,
  Dashboard,
  EditLock,
  Gallery,
  LiveEntry,
  LiveEntryList,
  MediaItem,
  MediaPage,
  MediaUsage,
  OpenedWireItem,
  Permission,
  Redirect,
  RevisionComparison,
  RevisionSummary,
  Section,
  Session,
  SiteSettings,
  Source,
  StaticPage,
  Tag,
  User,
  UserRole,
  Webhook,
  WebhookDelivery,
  WireFeed,
  WireItem,
  WireItemPage,
  Workflow,
  WorkflowAction,
} from './generated/openapi-types.js'

/** The signed-in person, as `/api/admin/session` answers. */
export type SessionUser = Session['user']

export type NoticeKind = ArticleNotice['kind']

/** What an operation answers, by operationId: `AnswerOf<'getApiAdminArticles'>`. */
export type AnswerOf<Operation extends keyof Operations> = Operations[Operation]['response']

/** What an operation takes as its JSON body, by operationId. */
export type BodyOf<Operation extends keyof Operations> = Operations[Operation]['body']
