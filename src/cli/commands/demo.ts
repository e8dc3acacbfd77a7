import { loadDemoContent } from '../../demo/load-demo.js'
import { loadDemoWires } from '../../demo/demo-wires.js'
import {
  listEditions,
  saveEditions,
  STARTING_EDITIONS,
} from '../../modules/editions/edition-queries.js'
import { systemClock } from '../../platform/clock.js'
import {
  createLocalMediaStorage,
  mediaFolderOf,
} from '../../platform/storage/local-media-storage.js'
import { isNewsroomEmpty } from '../../prepare-newsroom.js'
import { CliError } from '../cli-error.js'
import type { Command } from '../command.js'
import { parseOptions } from '../parse-options.js'
import { withMigratedStore } from '../with-store.js'

export const demoCommand: Command = {
  name: 'demo',
  usage: 'demo',
  summary: 'Load the demo newsroom (two editions, ~80 articles) into an empty database',
  async run({ args, config, print }) {
    parseOptions(args, [])
    const { dataDir, database } = config()
    await withMigratedStore(config(), async ({ db }) => {
      if (!(await isNewsroomEmpty(db))) {
        throw new CliError(
          'the database already has articles; the demo loads only into an empty newsroom',
        )
      }
      if ((await listEditions(db)).length === 0) await saveEditions(db, STARTING_EDITIONS)
      const now = systemClock.now()
      const summary = await loadDemoContent(
        db,
        createLocalMediaStorage(mediaFolderOf(dataDir)),
        now,
      )
      const feeds = await loadDemoWires(db, { dataDir, now })
      print(
        `Loaded the demo into ${database.kind}: ${summary.articles} articles, ${summary.sections} sections, ` +
          `${summary.tags} tags, ${summary.pages} pages, ${feeds} agency feeds.`,
      )
    })
  },
}
