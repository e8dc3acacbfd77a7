import { openStore } from '../src/db/create-database.js'
import { migrateToLatest } from '../src/db/migrate.js'
import { saveEditions, STARTING_EDITIONS } from '../src/modules/editions/edition-queries.js'
import { generateArchive, type ArchiveNames } from './archive-generator.js'
import { createPostgresSink, createSqliteSink } from './archive-sink.js'

/** The instant archives are generated for and read at, so that files made on other days compare. */
export const ARCHIVE_NOW = new Date('2026-12-08T00:00:00.000Z')

/** Where an archive goes: a new SQLite file, or an empty PostgreSQL database. */
export type ArchiveTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string }

/**
 * Migrates the target (through the app, as a first start does), then writes a generated archive
 * of `size` articles into it with the bulk sink; answers the slugs to read and the seconds taken.
 */
export async function buildArchive(
  target: ArchiveTarget,
  size: number,
  now: Date,
): Promise<{ names: ArchiveNames; seconds: number }> {
  const store = await openStore(
    target.kind === 'sqlite' ? target : { ...target, connectTimeoutMs: 5000 },
  )
  try {
    await migrateToLatest(store.db)
    await saveEditions(store.db, STARTING_EDITIONS)
  } finally {
    await store.close()
  }
  const started = performance.now()
  const sink =
    target.kind === 'sqlite' ? createSqliteSink(target.file) : createPostgresSink(target.url)
  const names = await generateArchive(size, sink, now)
  return { names, seconds: (performance.now() - started) / 1000 }
}

/** `tsx bench/archive-build.ts sqlite N FILE` or `tsx bench/archive-build.ts postgres N URL`. */
if (process.argv[1]?.endsWith('archive-build.ts')) {
  const [kind, size, where] = process.argv.slice(2)
  if ((kind !== 'sqlite' && kind !== 'postgres') || !size || !where)
    throw new Error('usage: archive-build.ts sqlite|postgres ARTICLES FILE|URL')
  const target: ArchiveTarget = kind === 'sqlite' ? { kind, file: where } : { kind, url: where }
  const { seconds } = await buildArchive(target, Number(size), ARCHIVE_NOW)
  console.log(`${size} articles written in ${seconds.toFixed(1)} s`)
}
