import { resolve } from 'node:path'
import { backUpSqlite } from '../../modules/backup/sqlite-backup.js'
import { mediaFolderOf } from '../../platform/storage/local-media-storage.js'
import { CliError } from '../cli-error.js'
import type { Command } from '../command.js'
import { parseOptions } from '../parse-options.js'

export const backupCommand: Command = {
  name: 'backup',
  usage: 'backup FILE',
  summary: 'Write a consistent copy of the SQLite database and the media files to one archive',
  async run({ args, config, print }) {
    const [file, ...rest] = args
    if (!file || file.startsWith('--'))
      throw new CliError('backup needs the archive to write: masthead backup FILE', 2)
    parseOptions(rest, [])
    const { database, dataDir } = config()
    if (database.kind !== 'sqlite')
      throw new CliError(
        'on PostgreSQL, back up the database with pg_dump and the media folder with your file backups; docs/operations.md shows how',
      )
    const started = performance.now()
    const report = await backUpSqlite(
      { databaseFile: database.file, mediaFolder: mediaFolderOf(dataDir), workFolder: dataDir },
      resolve(file),
    )
    print(
      `Backed up the database (${(report.databaseBytes / 1e6).toFixed(1)} MB) and ${report.mediaFiles} media files to ${report.archive} in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
    )
  },
}
