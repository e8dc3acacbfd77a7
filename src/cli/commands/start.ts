import { closeOnSignals, startServer } from '../../server.js'
import type { Command } from '../command.js'
import { parseOptions } from '../parse-options.js'

export const startCommand: Command = {
  name: 'start',
  usage: 'start',
  summary: 'Migrate, load the demo on an empty database, and serve the site and the newsroom',
  async run({ args, config, print }) {
    parseOptions(args, [])
    closeOnSignals(await startServer(config(), print))
  },
}
