import { openStore } from '../../db/create-database.js'
import { migrateToLatest } from '../../db/migrate.js'
import type { Command } from '../command.js'
import { parseOptions } from '../parse-options.js'

export const migrateCommand: Command = {
  name: 'migrate',
  usage: 'migrate',
  summary: 'Apply pending database migrations',
  async run({ args, config, print }) {
    parseOptions(args, [])
    const store = await openStore(config().database)
    try {
      const applied = await migrateToLatest(store.db)
      print(
        applied.length
          ? `Applied ${applied.length} migration(s): ${applied.join(', ')}.`
          : 'The database is up to date.',
      )
    } finally {
      await store.close()
    }
  },
}
