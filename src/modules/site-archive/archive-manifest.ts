import { z } from 'zod'
import { MIGRATIONS } from '../../db/migrations/index.js'
import { unknownMigrations } from '../backup/backup-manifest.js'
import { ArchiveError } from './archive-error.js'

/** The layout of an export: this manifest, one JSON-lines file per table, the media folder. */
export const ARCHIVE_FORMAT = 'masthead-export/1'
export const MANIFEST_FILE = 'manifest.json'
export const TABLES_FOLDER = 'tables'
export const MEDIA_FOLDER = 'media'

const MANIFEST_SCHEMA = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  createdAt: z.string(),
  /** The database it was exported from; any of the two imports it. */
  database: z.enum(['sqlite', 'postgres']),
  /** The last migration of the exported schema, and all of them by name. */
  schemaVersion: z.string(),
  migrations: z.array(z.string()),
  includesSecrets: z.boolean(),
  /** Rows per table: an import checks it read exactly these. */
  tables: z.record(z.string(), z.number().int().nonnegative()),
  mediaFiles: z.number().int().nonnegative(),
})

export type ArchiveManifest = z.infer<typeof MANIFEST_SCHEMA>

/** This version's migrations, in the order they run; the last one is its schema version. */
export function knownMigrations(): string[] {
  return Object.keys(MIGRATIONS).sort()
}

/**
 * Reads a manifest, or says in one sentence why this version cannot import the archive: not an
 * export, another format version, or a schema newer or older than this Masthead's.
 */
export function parseArchiveManifest(text: string): ArchiveManifest {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new ArchiveError(`its ${MANIFEST_FILE} is not JSON`)
  }
  const format = (parsed as { format?: unknown } | null)?.format
  if (typeof format === 'string' && format !== ARCHIVE_FORMAT)
    throw new ArchiveError(
      `its format is ${format}; this Masthead reads ${ARCHIVE_FORMAT} archives only`,
    )
  const result = MANIFEST_SCHEMA.safeParse(parsed)
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new ArchiveError(
      `its ${MANIFEST_FILE} is not a ${ARCHIVE_FORMAT} manifest (${issue?.path.join('.') || 'manifest'}: ${issue?.message})`,
    )
  }
  const manifest = result.data
  const unknown = unknownMigrations(manifest.migrations)
  if (unknown.length > 0)
    throw new ArchiveError(
      `it was exported from a newer Masthead (schema ${manifest.schemaVersion}, unknown migrations: ${unknown.join(', ')}); upgrade this one first`,
    )
  const missing = knownMigrations().filter((name) => !manifest.migrations.includes(name))
  if (missing.length > 0)
    throw new ArchiveError(
      `it was exported from an older Masthead (schema ${manifest.schemaVersion}, without ${missing.join(', ')}); upgrade that site and export again`,
    )
  return manifest
}
