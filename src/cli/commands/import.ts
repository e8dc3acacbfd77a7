import { resolve } from 'node:path'
import type { Kysely } from 'kysely'
import type { Config } from '../../config/config.js'
import type { Database } from '../../db/database.js'
import { ImportInputError } from '../../importers/import-input-error.js'
import { formatReport, type ImportReport } from '../../importers/import-report.js'
import { importGhost } from '../../importers/ghost/import-ghost.js'
import type { FetchMediaOptions } from '../../importers/remote-media/fetch-remote-media.js'
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
  'import wordpress FILE.xml [--edition en|ar] [--media-dir DIR] [--fetch-media [--allow-private-hosts]] [--users] [--dry-run] | import ghost FILE.json [--edition en|ar] [--media-dir DIR] [--fetch-media [--allow-private-hosts]] [--site-url URL] [--dry-run] | import masthead FILE.tar.gz'

/** `--dry-run` is a flag without a value: taken out before the `--name value` pairs are read. */
function takeFlag(args: string[], flag: string): { isSet: boolean; rest: string[] } {
  return { isSet: args.includes(flag), rest: args.filter((arg) => arg !== flag) }
}

/**
 * `--fetch-media` and `--allow-private-hosts`: how the old site's files are downloaded (their size
 * capped by the media pipeline's own limit), or undefined when they are not.
 */
function takeFetchMedia(
  args: string[],
  maxBytes: number,
): { fetchMedia: FetchMediaOptions | undefined; rest: string[] } {
  const fetch = takeFlag(args, '--fetch-media')
  const allowPrivate = takeFlag(fetch.rest, '--allow-private-hosts')
  if (allowPrivate.isSet && !fetch.isSet)
    throw new CliError('--allow-private-hosts only goes with --fetch-media', 2)
  const fetchMedia = fetch.isSet ? { maxBytes, allowPrivateHosts: allowPrivate.isSet } : undefined
  return { fetchMedia, rest: allowPrivate.rest }
}

function createUploader(config: Config, db: Kysely<Database>) {
  const queue = createJobQueue({ db, clock: systemClock })
  return createMediaUploader({
    db,
    storage: createLocalMediaStorage(mediaFolderOf(config.dataDir)),
    clock: systemClock,
    dataDir: config.dataDir,
    limits: config.media,
    enqueue: (job) => queue.enqueue(job),
  })
}

async function runWordPress(context: CommandContext, file: string, args: string[]) {
  const config = context.config()
  const dryRun = takeFlag(args, '--dry-run')
  const users = takeFlag(dryRun.rest, '--users')
  const { fetchMedia, rest } = takeFetchMedia(users.rest, config.media.maxBytes)
  const options = parseOptions(rest, ['edition', 'media-dir'])
  return withMigratedStore(config, async ({ db }) => {
    return importWordPress({
      db,
      path: resolve(file),
      ...(options.edition && { language: options.edition }),
      ...(options['media-dir'] && { mediaDir: resolve(options['media-dir']) }),
      ...(fetchMedia && { fetchMedia }),
      uploader: createUploader(config, db),
      isDryRun: dryRun.isSet,
      withUsers: users.isSet,
      now: () => systemClock.now(),
      onProgress: importProgressReporter(context.print),
    })
  })
}

async function runGhost(context: CommandContext, file: string, args: string[]) {
  const config = context.config()
  const dryRun = takeFlag(args, '--dry-run')
  const { fetchMedia, rest } = takeFetchMedia(dryRun.rest, config.media.maxBytes)
  const options = parseOptions(rest, ['edition', 'media-dir', 'site-url'])
  const siteUrl = options['site-url']
  if (siteUrl !== undefined && !/^https?:\/\/[^/]/i.test(siteUrl))
    throw new CliError('--site-url needs an http or https URL, such as https://blog.example', 2)
  return withMigratedStore(config, ({ db }) => {
    return importGhost({
      db,
      path: resolve(file),
      ...(options.edition && { language: options.edition }),
      ...(options['media-dir'] && { mediaDir: resolve(options['media-dir']) }),
      ...(fetchMedia && { fetchMedia }),
      ...(siteUrl && { siteUrl }),
      uploader: createUploader(config, db),
      isDryRun: dryRun.isSet,
      now: () => systemClock.now(),
      onProgress: importProgressReporter(context.print),
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
