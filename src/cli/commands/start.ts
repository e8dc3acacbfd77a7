import cluster from 'node:cluster'
import { availableParallelism } from 'node:os'
import { ensureAdminBuilt } from '../../admin-app/admin-build.js'
import { startCluster } from '../../cluster.js'
import { closeOnSignals, startServer } from '../../server.js'
import { CliError } from '../cli-error.js'
import type { Command } from '../command.js'
import { parseOptions } from '../parse-options.js'

function workerCount(value: string | undefined): number {
  if (value === undefined) return availableParallelism()
  const count = Number(value)
  if (!/^\d+$/.test(value) || count < 1 || count > 256)
    throw new CliError(`--workers needs a whole number from 1 to 256, not ${value}`, 2)
  return count
}

export const startCommand: Command = {
  name: 'start',
  usage: 'start [--workers N]',
  summary:
    'Migrate, load the demo on an empty database, and serve the site and the newsroom (N processes, one per core by default)',
  async run({ args, config, print }) {
    const workers = workerCount(parseOptions(args, ['workers']).workers)
    if (cluster.isWorker) {
      closeOnSignals(await startServer(config(), print, { isWorker: true }))
      return
    }
    await ensureAdminBuilt(print)
    if (workers === 1) closeOnSignals(await startServer(config(), print))
    else await startCluster(config(), workers, print)
  },
}
