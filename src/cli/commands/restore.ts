import { resolve } from 'node:path'
import { restoreSqlite, RestoreError } from '../../modules/backup/sqlite-restore.js'
import { mediaFolderOf } from '../../platform/storage/local-media-storage.js'
import { withTransaction } from '../../db/transaction.js'
import { recordSiteReplaced } from '../../modules/site-archive/record-site-replaced.js'
import { CliError } from '../cli-error.js'
import type { Command } from '../command.js'
import { parseOptions } from '../parse-options.js'
import { withMigratedStore } from '../with-store.js'

export const restoreCommand: Command = {
  name: 'restore',
  usage: 'restore FILE [--force]',
  summary: 'Restore a backup archive into the SQLite database and media folder (server stopped)',
  async run({ args, config, print }) {
    const [file, ...rest] = args
    if (!file || file.startsWith('--'))
      throw new CliError('restore needs the archive to read: masthead restore FILE [--force]', 2)
    const force = rest.includes('--force')
    parseOptions(
      rest.filter((arg) => arg !== '--force'),
      [],
    )
    const { database, dataDir } = config()
    if (database.kind !== 'sqlite')
      throw new CliError('on PostgreSQL, restore with pg_restore; docs/operations.md shows how')
    try {
      const report = await restoreSqlite(
        resolve(file),
        { databaseFile: database.file, mediaFolder: mediaFolderOf(dataDir), workFolder: dataDir },
        { force },
      )
      // The restored file keeps the outbox of its day: a note in it makes the next start purge
      // every page at the edge and tell webhooks what is live.
      await withMigratedStore(config(), ({ db }) =>
        withTransaction(db, (trx) =>
          recordSiteReplaced(
            trx,
            { action: 'site.restore', details: { backupCreatedAt: report.backupCreatedAt } },
            new Date(),
          ),
        ),
      )
      print(
        `Restored the backup of ${report.backupCreatedAt} with ${report.mediaFiles} media files into ${database.file}.` +
          (report.previousDatabase
            ? ` The database it replaced is kept at ${report.previousDatabase}.`
            : ''),
      )
    } catch (error) {
      if (error instanceof RestoreError)
        throw new CliError(`cannot restore ${file}: ${error.message}`)
      throw error
    }
  },
}
