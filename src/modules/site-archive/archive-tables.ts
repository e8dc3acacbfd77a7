import type { Database, ListedArticleColumns } from '../../db/database.js'
import { NO_PASSWORD } from '../users/password.js'

/** What a column holds in an archive line; `?` allows null. JSON columns travel as their text. */
type Kind = 'int' | 'real' | 'text' | 'json' | 'time'
export type ColumnKind = Kind | `${Kind}?`

type ColumnsOf<Row> = { [Column in keyof Required<Row>]: ColumnKind }

/** The link tables whose copy of their article's edition, status and time triggers fill. */
type LinkTable = 'articleTags' | 'articleAuthors'
type ArchivedRow<Name extends keyof Database> = Name extends LinkTable
  ? Omit<Database[Name], keyof ListedArticleColumns>
  : Database[Name]

/**
 * Columns left out of an archive because triggers fill them again from the rows they copy, as
 * the rows are written back (so archives made before they existed still load).
 */
export const DERIVED_COLUMNS: Readonly<Partial<Record<keyof Database, readonly string[]>>> = {
  articleTags: ['language', 'status', 'publishedAt'],
  articleAuthors: ['language', 'status', 'publishedAt'],
} satisfies Record<LinkTable, (keyof ListedArticleColumns)[]>

/** One table of an archive, in the order tables are written back (every row's parents first). */
export interface ArchiveTable {
  name: keyof Database
  columns: Readonly<Record<string, ColumnKind>>
  /** The primary key: rows are read in its order, a page at a time. */
  key: readonly string[]
  /** Columns left out, and filled with `SECRET_PLACEHOLDERS`, unless secrets are included. */
  secretColumns?: readonly string[]
  /** The whole table holds secrets: archived only with secrets included. */
  isSecret?: boolean
  /** Rows that are secrets of their own (a signing key), left out unless secrets are included. */
  isSecretRow?: (row: Record<string, unknown>) => boolean
  /** A column naming a row of the same table: written as null, then set once every row is in. */
  selfReference?: string
  /** Filled by a first start (editions, settings): replaced by the archive's rows, not refused. */
  isSetup?: boolean
}

function table<Name extends keyof Database>(
  name: Name,
  columns: ColumnsOf<ArchivedRow<Name>>,
  key: readonly (keyof Database[Name] & string)[],
  options: Omit<ArchiveTable, 'name' | 'columns' | 'key'> = {},
): ArchiveTable {
  return { name, columns, key, ...options }
}

const STAMPS = { createdAt: 'time', updatedAt: 'time' } as const

/** Every table an archive holds; the one list `export` and `import masthead` both read. */
export const ARCHIVE_TABLES: readonly ArchiveTable[] = [
  table(
    'editions',
    {
      code: 'text',
      name: 'text',
      direction: 'text',
      locale: 'text',
      isDefault: 'int',
      position: 'int',
    },
    ['code'],
    { isSetup: true },
  ),
  table('settings', { key: 'text', value: 'json', updatedAt: 'time' }, ['key'], {
    isSetup: true,
    isSecretRow: (row) => row['key'] === 'previewSigningKey',
  }),
  table(
    'users',
    {
      id: 'int',
      email: 'text',
      name: 'text',
      passwordHash: 'text',
      role: 'text',
      totpSecret: 'text?',
      totpPendingSecret: 'text?',
      uiLanguage: 'text?',
      disabledAt: 'time?',
      lastLoginAt: 'time?',
      ...STAMPS,
    },
    ['id'],
    { secretColumns: ['passwordHash', 'totpSecret', 'totpPendingSecret'] },
  ),
  table(
    'media',
    {
      id: 'int',
      storageKey: 'text',
      originalFilename: 'text',
      mimeType: 'text',
      sizeBytes: 'int',
      width: 'int',
      height: 'int',
      alt: 'json',
      caption: 'json',
      credit: 'text?',
      creditByLanguage: 'json',
      copyright: 'text?',
      focalX: 'real',
      focalY: 'real',
      dominantColor: 'text?',
      variants: 'json?',
      uploadedBy: 'int?',
      createdAt: 'time',
    },
    ['id'],
  ),
  table('galleries', { id: 'int', title: 'json', ...STAMPS }, ['id']),
  table(
    'galleryItems',
    { galleryId: 'int', mediaId: 'int', position: 'int', caption: 'json?', credit: 'text?' },
    ['galleryId', 'position'],
  ),
  table('sections', { id: 'int', parentId: 'int?', position: 'int', ...STAMPS }, ['id'], {
    selfReference: 'parentId',
  }),
  table(
    'sectionTranslations',
    { sectionId: 'int', language: 'text', name: 'text', slug: 'text', description: 'text?' },
    ['sectionId', 'language'],
  ),
  table(
    'tags',
    {
      id: 'int',
      language: 'text',
      name: 'text',
      slug: 'text',
      description: 'text?',
      createdAt: 'time',
    },
    ['id'],
  ),
  table(
    'authors',
    {
      id: 'int',
      slug: 'text',
      name: 'json',
      bio: 'json',
      userId: 'int?',
      avatarMediaId: 'int?',
      links: 'json',
      ...STAMPS,
    },
    ['id'],
  ),
  table('sources', { id: 'int', slug: 'text', name: 'json', url: 'text?', createdAt: 'time' }, [
    'id',
  ]),
  table(
    'articles',
    {
      id: 'int',
      language: 'text',
      translationGroup: 'text?',
      sectionId: 'int',
      status: 'text',
      type: 'text',
      headline: 'text',
      dek: 'text',
      slug: 'text',
      bodyDoc: 'json',
      bodyHtml: 'text',
      excerpt: 'text',
      heroMediaId: 'int?',
      heroGalleryId: 'int?',
      sourceId: 'int?',
      sourceUrl: 'text?',
      isBreaking: 'int',
      breakingUntil: 'time?',
      isFeatured: 'int',
      pinnedPosition: 'int?',
      seo: 'json',
      publishedAt: 'time?',
      scheduledAt: 'time?',
      ...STAMPS,
      version: 'int',
      createdBy: 'int?',
      updatedBy: 'int?',
      coverageState: 'text?',
      coverageStartedAt: 'time?',
      coverageEndedAt: 'time?',
    },
    ['id'],
  ),
  table(
    'liveEntries',
    {
      id: 'int',
      articleId: 'int',
      authorUserId: 'int?',
      title: 'text?',
      bodyDoc: 'json',
      bodyHtml: 'text',
      isKeyEvent: 'int',
      isPinned: 'int',
      createdAt: 'time',
      editedAt: 'time?',
      deletedAt: 'time?',
      changedAt: 'time',
    },
    ['id'],
  ),
  table('articleAuthors', { articleId: 'int', authorId: 'int', position: 'int' }, [
    'articleId',
    'authorId',
  ]),
  table('articleTags', { articleId: 'int', tagId: 'int', position: 'int' }, ['articleId', 'tagId']),
  table('articleRelations', { articleId: 'int', relatedArticleId: 'int', position: 'int' }, [
    'articleId',
    'relatedArticleId',
  ]),
  table(
    'articleRevisions',
    {
      id: 'int',
      articleId: 'int',
      number: 'int',
      userId: 'int?',
      kind: 'text',
      snapshot: 'json',
      changedFields: 'json',
      createdAt: 'time',
    },
    ['id'],
  ),
  table(
    'articleNotices',
    {
      id: 'int',
      articleId: 'int',
      kind: 'text',
      text: 'text',
      revisionId: 'int?',
      createdAt: 'time',
    },
    ['id'],
  ),
  table(
    'pages',
    {
      id: 'int',
      language: 'text',
      slug: 'text',
      title: 'text',
      bodyDoc: 'json',
      bodyHtml: 'text',
      status: 'text',
      translationGroup: 'text?',
      isInFooter: 'int',
      position: 'int',
      ...STAMPS,
      publishedAt: 'time?',
    },
    ['id'],
  ),
  table(
    'redirects',
    { id: 'int', fromPath: 'text', toPath: 'text', statusCode: 'int', createdAt: 'time' },
    ['id'],
  ),
  table('pageViews', { articleId: 'int', day: 'text', views: 'int' }, ['articleId', 'day']),
  table(
    'contactMessages',
    {
      id: 'int',
      language: 'text',
      name: 'text',
      email: 'text',
      subject: 'text',
      message: 'text',
      createdAt: 'time',
      readAt: 'time?',
    },
    ['id'],
  ),
  table(
    'auditLog',
    {
      id: 'int',
      actorType: 'text',
      actorId: 'int?',
      action: 'text',
      entityType: 'text',
      entityId: 'text?',
      details: 'json',
      createdAt: 'time',
    },
    ['id'],
  ),
  table(
    'importRecords',
    {
      id: 'int',
      origin: 'text',
      kind: 'text',
      externalId: 'text',
      guid: 'text',
      entityId: 'int?',
      remoteUrl: 'text?',
      ...STAMPS,
    },
    ['id'],
  ),
  table(
    'apiTokens',
    {
      id: 'int',
      name: 'text',
      tokenHash: 'text',
      scopes: 'json',
      createdBy: 'int?',
      createdAt: 'time',
      lastUsedAt: 'time?',
      revokedAt: 'time?',
    },
    ['id'],
    { isSecret: true },
  ),
  table(
    'wireFeeds',
    {
      id: 'int',
      sourceId: 'int',
      name: 'text',
      url: 'text?',
      folder: 'text?',
      format: 'text',
      language: 'text',
      pollIntervalSeconds: 'int',
      isEnabled: 'int',
      etag: 'text?',
      lastModified: 'text?',
      nextPollAt: 'time',
      claimedUntil: 'time?',
      lastPolledAt: 'time?',
      lastSuccessAt: 'time?',
      failureCount: 'int',
      lastError: 'text?',
      ...STAMPS,
    },
    ['id'],
  ),
  table(
    'wireItems',
    {
      id: 'int',
      sourceId: 'int',
      feedId: 'int?',
      guid: 'text',
      version: 'int',
      language: 'text',
      headline: 'text',
      summary: 'text',
      bodyDoc: 'json',
      link: 'text?',
      byline: 'text?',
      publishedAt: 'time?',
      status: 'text',
      usedBy: 'int?',
      usedAt: 'time?',
      articleId: 'int?',
      receivedAt: 'time',
      updatedAt: 'time',
    },
    ['id'],
  ),
  table(
    'webhooks',
    {
      id: 'int',
      url: 'text',
      events: 'json',
      secret: 'text',
      isActive: 'int',
      createdBy: 'int?',
      createdAt: 'time',
    },
    ['id'],
    { isSecret: true },
  ),
]

/**
 * Tables an archive deliberately leaves out, and why. A test fails when a table of `Database` is
 * in neither list, so a new table is never dropped from archives without anyone deciding it.
 */
export const EXCLUDED_TABLES: Readonly<Partial<Record<keyof Database, string>>> = {
  sessions: 'sign-ins end with the site they were made on',
  articleLocks: 'who has an article open right now',
  loginThrottles: 'rate-limit counters of failed sign-ins',
  passwordResets: 'short-lived emailed tokens',
  jobs: 'the work queue of the running site',
  webhookDeliveries: 'the delivery queue and its history',
  events: 'the outbox of the running site; a restored site starts its own',
  eventConsumers: 'how far the running site has read its outbox',
  searchDocuments: 'rebuilt from the articles after an import',
  articleReferences: 'derived from the article bodies, rebuilt after an import',
  pageReferences: 'derived from the page bodies, rebuilt after an import',
  listingCounts: 'counted by triggers as the articles and their links are written',
}

/** What a secret column holds in a site restored without secrets: nobody can sign in with it. */
export const SECRET_PLACEHOLDERS: Readonly<Record<string, string | null>> = {
  passwordHash: NO_PASSWORD,
  totpSecret: null,
  totpPendingSecret: null,
}

/** The columns of a table an archive holds, with or without its secret ones. */
export function archivedColumns(table: ArchiveTable, includesSecrets: boolean): string[] {
  return Object.keys(table.columns).filter(
    (column) => includesSecrets || !table.secretColumns?.includes(column),
  )
}

/** The tables an archive holds, with or without the secret ones. */
export function archivedTables(includesSecrets: boolean): readonly ArchiveTable[] {
  return ARCHIVE_TABLES.filter((table) => includesSecrets || !table.isSecret)
}
