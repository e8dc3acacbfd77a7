import { z } from 'zod'
import { MIGRATIONS } from '../../db/migrations/index.js'

/** The layout of a backup archive: this manifest, the database file and the media folder. */
export const BACKUP_FORMAT = 'masthead-backup/1'
export const MANIFEST_FILE = 'manifest.json'
export const DATABASE_FILE = 'database.sqlite'
export const MEDIA_FOLDER = 'media'

const MANIFEST_SCHEMA = z.object({
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.string(),
  database: z.literal('sqlite'),
  /** The migrations applied to the copied database, by name. */
  migrations: z.array(z.string()),
  mediaFiles: z.number().int().nonnegative(),
})

export type BackupManifest = z.infer<typeof MANIFEST_SCHEMA>

/** The migrations in a list that this version of Masthead does not know: a newer one made it. */
export function unknownMigrations(names: readonly string[]): string[] {
  return names.filter((name) => !(name in MIGRATIONS))
}

/**
 * Reads a manifest, or says in one sentence why the archive cannot be restored by this version:
 * not a Masthead backup, or made by a newer Masthead whose schema this one does not know.
 */
export function parseManifest(text: string): BackupManifest {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    throw new Error('its manifest.json is not JSON')
  }
  const result = MANIFEST_SCHEMA.safeParse(parsed)
  if (!result.success)
    throw new Error(`it is not a ${BACKUP_FORMAT} archive (${result.error.issues[0]?.message})`)
  const unknown = unknownMigrations(result.data.migrations)
  if (unknown.length > 0)
    throw new Error(
      `it was made by a newer Masthead (unknown migrations: ${unknown.join(', ')}); upgrade first`,
    )
  return result.data
}
