import { resolve } from 'node:path'
import { ArchiveError } from '../../modules/site-archive/archive-error.js'
import { importSite } from '../../modules/site-archive/import-site.js'
import { mediaFolderOf } from '../../platform/storage/local-media-storage.js'
import { CliError } from '../cli-error.js'
import type { CommandContext } from '../command.js'
import { parseOptions } from '../parse-options.js'
import { withMigratedStore } from '../with-store.js'

/** `masthead import masthead FILE`: restores a `masthead export` archive into an empty site. */
export async function runMastheadImport(
  context: CommandContext,
  file: string,
  args: string[],
): Promise<void> {
  parseOptions(args, [])
  const config = context.config()
  const started = performance.now()
  await withMigratedStore(config, async ({ db, dialect }) => {
    try {
      const report = await importSite(resolve(file), {
        db,
        mediaFolder: mediaFolderOf(config.dataDir),
        workFolder: config.dataDir,
      })
      context.print(
        `Imported the ${report.exportedFrom} export of ${report.exportedAt} into ${dialect}: ${report.rows} rows of ${Object.keys(report.tables).length} tables and ${report.mediaFiles} media files in ${((performance.now() - started) / 1000).toFixed(1)} s; the search index is rebuilt.`,
      )
      if (!report.includesSecrets)
        context.print(
          'The archive holds no passwords: give each person a new one with masthead user reset-password.',
        )
    } catch (error) {
      if (error instanceof ArchiveError)
        throw new CliError(`cannot import ${file}: ${error.message}`)
      throw error
    }
  })
}
