import { resolve } from 'node:path'
import { ArchiveError } from '../../modules/site-archive/archive-error.js'
import { exportSite } from '../../modules/site-archive/export-site.js'
import { mediaFolderOf } from '../../platform/storage/local-media-storage.js'
import { CliError } from '../cli-error.js'
import type { Command } from '../command.js'
import { parseOptions } from '../parse-options.js'
import { withMigratedStore } from '../with-store.js'

const INCLUDE_SECRETS = '--include-secrets'

export const exportCommand: Command = {
  name: 'export',
  usage: `export FILE.tar.gz [${INCLUDE_SECRETS}]`,
  summary:
    'Write the whole site (content, settings, users, media) to one archive, on either database',
  async run({ args, config, print }) {
    const [file, ...rest] = args
    if (!file || file.startsWith('--'))
      throw new CliError(`export needs the archive to write: masthead ${this.usage}`, 2)
    const includesSecrets = rest.includes(INCLUDE_SECRETS)
    parseOptions(
      rest.filter((arg) => arg !== INCLUDE_SECRETS),
      [],
    )
    const settings = config()
    const { dataDir } = settings
    await withMigratedStore(settings, async ({ db, dialect }) => {
      const started = performance.now()
      try {
        const report = await exportSite(
          { db, dialect, mediaFolder: mediaFolderOf(dataDir), workFolder: dataDir },
          resolve(file),
          { includesSecrets },
        )
        print(
          `Exported ${report.rows} rows of ${Object.keys(report.tables).length} tables and ${report.mediaFiles} media files from ${dialect} to ${report.archive} (${(report.bytes / 1e6).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
        )
        if (!includesSecrets)
          print(
            `Left out: passwords and two-factor secrets of users, API tokens, webhooks and the preview signing key (pass ${INCLUDE_SECRETS} to keep them).`,
          )
      } catch (error) {
        if (error instanceof ArchiveError) throw new CliError(`cannot export: ${error.message}`)
        throw error
      }
    })
  },
}
