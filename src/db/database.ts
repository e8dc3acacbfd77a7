import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

/**
 * The schema as Kysely sees it, in camelCase (the CamelCasePlugin maps to the snake_case columns).
 * Conventions, the same on SQLite and PostgreSQL:
 * - times are ISO 8601 UTC strings (`2026-01-31T09:30:00.000Z`);
 * - flags are integers 0/1 (`is…`);
 * - `Json` columns hold JSON text, parsed by the repositories;
 * - localized display text is a JSON object keyed by language code (`{"en": "…", "ar": "…"}`).
 */
export type Json = string
export type Timestamp = string
export type Flag = number

type CreatedId = Generated<number>

export interface EditionsTable {
  code: string
  name: string
  direction: 'ltr' | 'rtl'
  /** BCP 47 tag used for dates and numbers, e.g. `ar-u-nu-latn`. */
  locale: string
  isDefault: Flag
  position: number
}

export interface SectionsTable {
  id: CreatedId
  parentId: number | null
  position: number
  createdAt: Timestamp
  updatedAt: Timestamp
}

export interface SectionTranslationsTable {
  sectionId: number
  language: string
  name: string
  slug: string
  description: string | null
}

export interface TagsTable {
  id: CreatedId
  language: string
  name: string
  slug: string
  description: string | null
  createdAt: Timestamp
}

export interface AuthorsTable {
  id: CreatedId
  slug: string
  name: Json
  bio: Json
  userId: number | null
  avatarMediaId: number | null
  links: Json
  createdAt: Timestamp
  updatedAt: Timestamp
}

export interface SourcesTable {
  id: CreatedId
  slug: string
  name: Json
  url: string | null
  createdAt: Timestamp
}

export type ArticleStatus = 'draft' | 'in_review' | 'scheduled' | 'published' | 'unpublished'
export type ArticleType = 'report' | 'analysis' | 'opinion' | 'background' | 'review' | 'live'
/** A live story's coverage: still being added to, or ended and kept as an archive. */
export type CoverageState = 'live' | 'ended'

export interface ArticlesTable {
  id: CreatedId
  language: string
  /** Shared by the language versions of one story; null for a story in one language. */
  translationGroup: string | null
  sectionId: number
  status: ArticleStatus
  type: ArticleType
  headline: string
  dek: string
  slug: string
  /** The structured body (a ProseMirror/TipTap document). */
  bodyDoc: Json
  /** The body rendered to sanitised HTML, kept for fast pages and feeds. */
  bodyHtml: string
  excerpt: string
  heroMediaId: number | null
  heroGalleryId: number | null
  sourceId: number | null
  sourceUrl: string | null
  isBreaking: Flag
  breakingUntil: Timestamp | null
  isFeatured: Flag
  /** 1 is the top slot of the home page; null when not pinned. */
  pinnedPosition: number | null
  /** SEO and social overrides: title, description, image. */
  seo: Json
  publishedAt: Timestamp | null
  scheduledAt: Timestamp | null
  createdAt: Timestamp
  updatedAt: Timestamp
  /** Incremented on every save; feeds ETags and optimistic locking. */
  version: Generated<number>
  createdBy: number | null
  updatedBy: number | null
  /** Set exactly when the type is `live`. */
  coverageState: CoverageState | null
  /** When the live story was first published; null before. */
  coverageStartedAt: Timestamp | null
  /** When the coverage was ended; null while it is live. */
  coverageEndedAt: Timestamp | null
}

/** One update of a live story; deleted softly, so resumed streams learn of the deletion. */
export interface LiveEntriesTable {
  id: CreatedId
  articleId: number
  /** Who wrote it; null once that user is deleted. */
  authorUserId: number | null
  title: string | null
  bodyDoc: Json
  bodyHtml: string
  isKeyEvent: Flag
  isPinned: Flag
  createdAt: Timestamp
  /** When its title or body was last edited; null for an entry never reworded. */
  editedAt: Timestamp | null
  deletedAt: Timestamp | null
  /** When anything of it last changed: posted, edited, pinned or unpinned, flagged, deleted. */
  changedAt: Timestamp
}

/**
 * An article's edition, status and publication time, copied onto its link rows by triggers (never
 * written by the app) so that a tag's or an author's listing is read from one index.
 */
export interface ListedArticleColumns {
  language: Generated<string | null>
  status: Generated<ArticleStatus | null>
  publishedAt: Generated<Timestamp | null>
}

export interface ArticleAuthorsTable extends ListedArticleColumns {
  articleId: number
  authorId: number
  position: number
}

export interface ArticleTagsTable extends ListedArticleColumns {
  articleId: number
  tagId: number
  position: number
}

/** A listing that a page counts. */
export type ListingKind = 'edition' | 'section' | 'source' | 'tag' | 'author'

/**
 * How many articles of a listing (`listingId` 0 for an edition) in a language are published with
 * a time set, future times included; kept by triggers as articles and their links change.
 */
export interface ListingCountsTable {
  listing: ListingKind
  listingId: number
  language: string
  published: number
}

export interface ArticleRelationsTable {
  articleId: number
  relatedArticleId: number
  position: number
}

export type NoticeKind = 'correction' | 'clarification' | 'update' | 'editors_note'

export interface ArticleNoticesTable {
  id: CreatedId
  articleId: number
  kind: NoticeKind
  text: string
  /** The revision whose save published this notice. */
  revisionId: number | null
  createdAt: Timestamp
}

/** A soft lock: who has an article open for editing, refreshed while they work. */
export interface ArticleLocksTable {
  articleId: number
  userId: number
  acquiredAt: Timestamp
  refreshedAt: Timestamp
}

export interface ArticleRevisionsTable {
  id: CreatedId
  articleId: number
  number: number
  userId: number | null
  kind: 'save' | 'autosave' | 'restore'
  snapshot: Json
  changedFields: Json
  createdAt: Timestamp
}

export interface PagesTable {
  id: CreatedId
  language: string
  slug: string
  title: string
  bodyDoc: Json
  bodyHtml: string
  status: 'draft' | 'published'
  translationGroup: string | null
  isInFooter: Flag
  position: number
  createdAt: Timestamp
  updatedAt: Timestamp
  publishedAt: Timestamp | null
}

/** What a body shows that lives elsewhere: an image, a gallery, another story's card, an embed. */
export type ReferenceKind = 'media' | 'gallery' | 'article' | 'embed'

/** One thing a body shows, derived from its document on every save; never edited on its own. */
export interface BodyReferenceColumns {
  /** The block's place among the body's references, from 0. */
  position: number
  kind: ReferenceKind
  /** The media item, gallery or article shown; null for an embed. */
  targetId: number | null
  /** An embed's canonical URL; null for the other kinds. */
  url: string | null
  /** An embed's provider (`youtube`, `x`…); null for the other kinds. */
  provider: string | null
}

export interface ArticleReferencesTable extends BodyReferenceColumns {
  articleId: number
}

export interface PageReferencesTable extends BodyReferenceColumns {
  pageId: number
}

export interface MediaTable {
  id: CreatedId
  /** Content-addressed name in the media storage. */
  storageKey: string
  originalFilename: string
  mimeType: string
  sizeBytes: number
  width: number
  height: number
  alt: Json
  caption: Json
  /** The credit of every language without a form of its own in `creditByLanguage`. */
  credit: string | null
  /** The credit per language, as JSON (`{"ar": "…"}`); `{}` when there is only `credit`. */
  creditByLanguage: Generated<Json>
  copyright: string | null
  /** Focal point as fractions of width and height (0–1). */
  focalX: number
  focalY: number
  dominantColor: string | null
  /** The responsive widths and focal crops as JSON; null until the variant job has made them. */
  variants: Json | null
  uploadedBy: number | null
  createdAt: Timestamp
}

export interface GalleriesTable {
  id: CreatedId
  title: Json
  createdAt: Timestamp
  updatedAt: Timestamp
}

export interface GalleryItemsTable {
  galleryId: number
  mediaId: number
  position: number
  /** Overrides the media item's caption and credit for this gallery. */
  caption: Json | null
  credit: string | null
}

export interface RedirectsTable {
  id: CreatedId
  fromPath: string
  toPath: string
  statusCode: number
  createdAt: Timestamp
}

export interface SettingsTable {
  key: string
  value: Json
  updatedAt: Timestamp
}

export type UserRole = 'contributor' | 'author' | 'editor' | 'admin'

export interface UsersTable {
  id: CreatedId
  email: string
  name: string
  passwordHash: string
  role: UserRole
  totpSecret: string | null
  /** A secret offered for enrolment, confirmed by a first code before it becomes `totpSecret`. */
  totpPendingSecret: string | null
  /** The newsroom interface language the person chose ('en', 'ar'); null: not chosen yet. */
  uiLanguage: string | null
  disabledAt: Timestamp | null
  lastLoginAt: Timestamp | null
  createdAt: Timestamp
  updatedAt: Timestamp
}

export interface SessionsTable {
  /** SHA-256 of the session token; the token itself is never stored. */
  id: string
  userId: number
  csrfToken: string
  ipAddress: string | null
  userAgent: string | null
  createdAt: Timestamp
  lastSeenAt: Timestamp
  expiresAt: Timestamp
}

export interface ApiTokensTable {
  id: CreatedId
  name: string
  tokenHash: string
  scopes: Json
  createdBy: number | null
  createdAt: Timestamp
  lastUsedAt: Timestamp | null
  revokedAt: Timestamp | null
}

export interface ContactMessagesTable {
  id: CreatedId
  language: string
  name: string
  email: string
  subject: string
  message: string
  createdAt: Timestamp
  readAt: Timestamp | null
}

export interface PageViewsTable {
  articleId: number
  /** UTC day, `YYYY-MM-DD`. */
  day: string
  views: number
}

export interface AuditLogTable {
  id: CreatedId
  actorType: 'user' | 'token' | 'system'
  actorId: number | null
  action: string
  entityType: string
  entityId: string | null
  details: Json
  createdAt: Timestamp
}

/** Failed sign-ins counted per address and per account, shared by every process. */
export interface LoginThrottlesTable {
  key: string
  failures: number
  blockedUntil: Timestamp | null
  updatedAt: Timestamp
}

export interface PasswordResetsTable {
  /** SHA-256 of the emailed token. */
  tokenHash: string
  userId: number
  expiresAt: Timestamp
  usedAt: Timestamp | null
}

export interface WebhooksTable {
  id: CreatedId
  url: string
  /** The event names it receives, e.g. `["article.published"]`. */
  events: Json
  secret: string
  isActive: Flag
  createdBy: number | null
  createdAt: Timestamp
}

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed'

export interface WebhookDeliveriesTable {
  id: CreatedId
  webhookId: number
  /** The outbox event it was queued for; null for deliveries older than the outbox. */
  eventId: number | null
  event: string
  payload: Json
  status: WebhookDeliveryStatus
  attempts: number
  responseStatus: number | null
  lastError: string | null
  createdAt: Timestamp
  updatedAt: Timestamp
}

/** One committed change in the transactional outbox, read in order by every process. */
export interface EventsTable {
  id: CreatedId
  entity: string
  action: string
  entityId: number
  occurredAt: Timestamp
  previous: Json | null
}

/** How far a shared consumer of the outbox has read, and which process holds it now. */
export interface EventConsumersTable {
  name: string
  position: number
  leasedBy: string | null
  leaseUntil: Timestamp | null
  updatedAt: Timestamp
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed'

export interface JobsTable {
  id: CreatedId
  kind: string
  payload: Json
  /** At most one queued or running job per key (e.g. `publish:42`); cleared when the job ends. */
  uniqueKey: string | null
  status: JobStatus
  runAt: Timestamp
  attempts: number
  maxAttempts: number
  lockedBy: string | null
  lockedAt: Timestamp | null
  lastError: string | null
  createdAt: Timestamp
  updatedAt: Timestamp
}

/**
 * One article as the search index holds it: analysed text (normalised, stemmed terms joined by
 * spaces) and what searches filter on. The full-text structures over it differ per database
 * (an FTS5 table on SQLite, a tsvector column on PostgreSQL) and are reached only through
 * modules/search/search-dialect.ts.
 */
export interface SearchDocumentsTable {
  articleId: number
  language: string
  status: ArticleStatus
  sectionId: number
  sourceId: number | null
  publishedAt: Timestamp | null
  /** Days since 1970 of the publication, or of the last change while unpublished. */
  datedDay: number
  headline: string
  dek: string
  body: string
  /** Section, tag, author and source names. */
  keywords: string
}

/** An item another system (WordPress, Ghost) gave an import, and the row it became. */
export interface ImportRecordsTable {
  id: CreatedId
  origin: 'wordpress' | 'ghost'
  kind: 'article' | 'page' | 'media' | 'gallery' | 'section' | 'tag' | 'author'
  /** The id in its system, prefixed with its site (`https://example.com#42`). */
  externalId: string
  /** With the id, what identifies a post ('' for other items): ids repeat across exports. */
  guid: Generated<string>
  /** The Masthead row; null for a remote file kept only as a reference. */
  entityId: number | null
  remoteUrl: string | null
  createdAt: Timestamp
  updatedAt: Timestamp
}

export type WireFormat = 'rss' | 'atom' | 'ninjs'

/** An agency feed the newsroom polls: a URL (conditional GET) or a folder the agency drops files in. */
export interface WireFeedsTable {
  id: CreatedId
  /** The agency, credited as the source of articles made from the feed's items. */
  sourceId: number
  name: string
  url: string | null
  /** Relative to the data folder's `wires/`. */
  folder: string | null
  format: WireFormat
  language: string
  pollIntervalSeconds: number
  isEnabled: Generated<Flag>
  etag: string | null
  lastModified: string | null
  nextPollAt: Timestamp
  /** Held by the process polling the feed until then. */
  claimedUntil: Timestamp | null
  lastPolledAt: Timestamp | null
  lastSuccessAt: Timestamp | null
  failureCount: Generated<number>
  lastError: string | null
  createdAt: Timestamp
  updatedAt: Timestamp
}

export type WireItemStatus = 'new' | 'used'

/** One story in the wire queue, sanitised, waiting for an editor to use it. */
export interface WireItemsTable {
  id: CreatedId
  sourceId: number
  feedId: number | null
  /** The agency's id: RSS guid (or link), Atom id, ninjs uri; unique per source. */
  guid: string
  /** ninjs version (a newer one replaces the text); 0 for RSS and Atom. */
  version: Generated<number>
  language: string
  headline: string
  summary: string
  bodyDoc: Json
  link: string | null
  byline: string | null
  publishedAt: Timestamp | null
  status: WireItemStatus
  usedBy: number | null
  usedAt: Timestamp | null
  articleId: number | null
  receivedAt: Timestamp
  updatedAt: Timestamp
}

export interface Database {
  editions: EditionsTable
  sections: SectionsTable
  sectionTranslations: SectionTranslationsTable
  tags: TagsTable
  authors: AuthorsTable
  sources: SourcesTable
  articles: ArticlesTable
  articleAuthors: ArticleAuthorsTable
  articleTags: ArticleTagsTable
  listingCounts: ListingCountsTable
  articleRelations: ArticleRelationsTable
  articleNotices: ArticleNoticesTable
  articleRevisions: ArticleRevisionsTable
  articleLocks: ArticleLocksTable
  articleReferences: ArticleReferencesTable
  liveEntries: LiveEntriesTable
  pages: PagesTable
  pageReferences: PageReferencesTable
  media: MediaTable
  galleries: GalleriesTable
  galleryItems: GalleryItemsTable
  redirects: RedirectsTable
  settings: SettingsTable
  users: UsersTable
  sessions: SessionsTable
  apiTokens: ApiTokensTable
  contactMessages: ContactMessagesTable
  pageViews: PageViewsTable
  auditLog: AuditLogTable
  jobs: JobsTable
  loginThrottles: LoginThrottlesTable
  passwordResets: PasswordResetsTable
  webhooks: WebhooksTable
  webhookDeliveries: WebhookDeliveriesTable
  searchDocuments: SearchDocumentsTable
  importRecords: ImportRecordsTable
  wireFeeds: WireFeedsTable
  wireItems: WireItemsTable
  events: EventsTable
  eventConsumers: EventConsumersTable
}

export type ArticleRow = Selectable<ArticlesTable>
export type NewArticleRow = Insertable<ArticlesTable>
export type ArticleRowUpdate = Updateable<ArticlesTable>
