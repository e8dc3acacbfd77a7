import { ensureAdminBuilt } from '../../admin-app/admin-build.js'
import { closeOnSignals, startServer } from '../../server.js'
import type { Command } from '../command.js'
import { parseOptions } from '../parse-options.js'

export const startCommand: Command = {
  name: 'start',
  usage: 'start',
  summary: 'Migrate, load the demo on an empty database, and serve the site and the newsroom',
  async run({ args, config, print }) {
    parseOptions(args, [])
    await ensureAdminBuilt(print)
    closeOnSignals(await startServer(config(), print))
  },
}
