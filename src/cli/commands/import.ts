import { resolve } from 'node:path'
import { ImportInputError } from '../../importers/import-input-error.js'
import { formatReport, type ImportReport } from '../../importers/import-report.js'
import { importGhost } from '../../importers/ghost/import-ghost.js'
import { importWordPress } from '../../importers/wordpress/import-wordpress.js'
import { createJobQueue } from '../../platform/job-queue.js'
import { createMediaUploader } from '../../modules/media/media-upload.js'
import { systemClock } from '../../platform/clock.js'
import {
  createLocalMediaStorage,
  mediaFolderOf,
} from '../../platform/storage/local-media-storage.js'
import { CliError } from '../cli-error.js'
import type { Command, CommandContext } from '../command.js'
import { runMastheadImport } from './import-masthead.js'
import { importProgressReporter } from '../import-progress.js'
import { parseOptions } from '../parse-options.js'
import { withMigratedStore } from '../with-store.js'

const USAGE =
  'import wordpress FILE.xml [--edition en|ar] [--media-dir DIR] [--users] [--dry-run] | import ghost FILE.json [--edition en|ar] [--media-dir DIR] [--dry-run] | import masthead FILE.tar.gz'

/** `--dry-run` is a flag without a value: taken out before the `--name value` pairs are read. */
function takeFlag(args: string[], flag: string): { isSet: boolean; rest: string[] } {
  return { isSet: args.includes(flag), rest: args.filter((arg) => arg !== flag) }
}

async function runWordPress(context: CommandContext, file: string, args: string[]) {
  const dryRun = takeFlag(args, '--dry-run')
  const users = takeFlag(dryRun.rest, '--users')
  const options = parseOptions(users.rest, ['edition', 'media-dir'])
  const config = context.config()
  return withMigratedStore(config, async ({ db }) => {
    const queue = createJobQueue({ db, clock: systemClock })
    const uploader = createMediaUploader({
      db,
      storage: createLocalMediaStorage(mediaFolderOf(config.dataDir)),
      clock: systemClock,
      dataDir: config.dataDir,
      limits: config.media,
      enqueue: (job) => queue.enqueue(job),
    })
    return importWordPress({
      db,
      path: resolve(file),
      ...(options.edition && { language: options.edition }),
      ...(options['media-dir'] && { mediaDir: resolve(options['media-dir']) }),
      uploader,
      isDryRun: dryRun.isSet,
      withUsers: users.isSet,
      now: () => systemClock.now(),
      onProgress: importProgressReporter(context.print),
    })
  })
}

async function runGhost(context: CommandContext, file: string, args: string[]) {
  const dryRun = takeFlag(args, '--dry-run')
  const options = parseOptions(dryRun.rest, ['edition', 'media-dir'])
  const config = context.config()
  return withMigratedStore(config, ({ db }) => {
    const queue = createJobQueue({ db, clock: systemClock })
    return importGhost({
      db,
      path: resolve(file),
      ...(options.edition && { language: options.edition }),
      ...(options['media-dir'] && {
        mediaDir: resolve(options['media-dir']),
        uploader: createMediaUploader({
          db,
          storage: createLocalMediaStorage(mediaFolderOf(config.dataDir)),
          clock: systemClock,
          dataDir: config.dataDir,
          limits: config.media,
          enqueue: (job) => queue.enqueue(job),
        }),
      }),
      isDryRun: dryRun.isSet,
      now: () => systemClock.now(),
    })
  })
}

export const importCommand: Command = {
  name: 'import',
  usage: USAGE,
  summary:
    'Import a WordPress (WXR) or Ghost (JSON) export (safe to run again), or a Masthead export into an empty site',
  async run(context) {
    const [kind, file, ...rest] = context.args
    if (kind === 'masthead' && file && !file.startsWith('--'))
      return runMastheadImport(context, file, rest)
    if (!file || file.startsWith('--') || (kind !== 'wordpress' && kind !== 'ghost'))
      throw new CliError(`usage: masthead ${USAGE}`, 2)
    const started = performance.now()
    let report: ImportReport
    try {
      report =
        kind === 'wordpress'
          ? await runWordPress(context, file, rest)
          : await runGhost(context, file, rest)
    } catch (error) {
      if (error instanceof ImportInputError) throw new CliError(`${file}: ${error.message}`)
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT')
        throw new CliError(`${file}: no such file`)
      throw error
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    const isDryRun = rest.includes('--dry-run')
    context.print(`${isDryRun ? 'Dry run (nothing was written)' : 'Import done'} in ${seconds} s.`)
    for (const line of formatReport(report)) context.print(line)
    if (report.failed.length) process.exitCode = 1
  },
}
