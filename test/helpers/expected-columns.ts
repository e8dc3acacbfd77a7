import type { Database } from '../../src/db/database.js'

/**
 * Every table and column of the Database interface, spelled out so that a test can compare them
 * with what the migrations built. The type makes the compiler reject a missing or extra key.
 */
type ColumnsOf<T> = { [Column in keyof Required<T>]: true }
type Schema = { [Table in keyof Database]: ColumnsOf<Database[Table]> }

const all = <T extends string>(...columns: T[]) => Object.fromEntries(columns.map((c) => [c, true])) as Record<T, true>

export const EXPECTED_COLUMNS: Schema = {
  editions: all('code', 'name', 'direction', 'locale', 'isDefault', 'position'),
  sections: all('id', 'parentId', 'position', 'createdAt', 'updatedAt'),
  sectionTranslations: all('sectionId', 'language', 'name', 'slug', 'description'),
  tags: all('id', 'language', 'name', 'slug', 'description', 'createdAt'),
  authors: all('id', 'slug', 'name', 'bio', 'userId', 'avatarMediaId', 'links', 'createdAt', 'updatedAt'),
  sources: all('id', 'slug', 'name', 'url', 'createdAt'),
  articles: all(
    'id', 'language', 'translationGroup', 'sectionId', 'status', 'type', 'headline', 'dek', 'slug',
    'bodyDoc', 'bodyHtml', 'excerpt', 'heroMediaId', 'heroGalleryId', 'sourceId', 'sourceUrl',
    'isBreaking', 'breakingUntil', 'isFeatured', 'pinnedPosition', 'seo', 'publishedAt',
    'scheduledAt', 'createdAt', 'updatedAt', 'version', 'createdBy', 'updatedBy',
  ),
  articleAuthors: all('articleId', 'authorId', 'position'),
  articleTags: all('articleId', 'tagId', 'position'),
  articleRelations: all('articleId', 'relatedArticleId', 'position'),
  articleNotices: all('id', 'articleId', 'kind', 'text', 'createdAt'),
  articleRevisions: all('id', 'articleId', 'number', 'userId', 'kind', 'snapshot', 'changedFields', 'createdAt'),
  pages: all(
    'id', 'language', 'slug', 'title', 'bodyDoc', 'bodyHtml', 'status', 'translationGroup',
    'isInFooter', 'position', 'createdAt', 'updatedAt', 'publishedAt',
  ),
  media: all(
    'id', 'storageKey', 'originalFilename', 'mimeType', 'sizeBytes', 'width', 'height', 'alt',
    'caption', 'credit', 'copyright', 'focalX', 'focalY', 'dominantColor', 'uploadedBy', 'createdAt',
  ),
  galleries: all('id', 'title', 'createdAt', 'updatedAt'),
  galleryItems: all('galleryId', 'mediaId', 'position', 'caption', 'credit'),
  redirects: all('id', 'fromPath', 'toPath', 'statusCode', 'createdAt'),
  settings: all('key', 'value', 'updatedAt'),
  users: all(
    'id', 'email', 'name', 'passwordHash', 'role', 'totpSecret', 'disabledAt', 'lastLoginAt',
    'createdAt', 'updatedAt',
  ),
  sessions: all('id', 'userId', 'csrfToken', 'ipAddress', 'userAgent', 'createdAt', 'lastSeenAt', 'expiresAt'),
  apiTokens: all('id', 'name', 'tokenHash', 'scopes', 'createdBy', 'createdAt', 'lastUsedAt', 'revokedAt'),
  contactMessages: all('id', 'language', 'name', 'email', 'subject', 'message', 'createdAt', 'readAt'),
  pageViews: all('articleId', 'day', 'views'),
  auditLog: all('id', 'actorType', 'actorId', 'action', 'entityType', 'entityId', 'details', 'createdAt'),
  jobs: all(
    'id', 'kind', 'payload', 'uniqueKey', 'status', 'runAt', 'attempts', 'maxAttempts', 'lockedBy',
    'lockedAt', 'lastError', 'createdAt', 'updatedAt',
  ),
}
