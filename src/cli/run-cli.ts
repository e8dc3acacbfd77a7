import type { Config } from '../config/config.js'
import { ConfigError } from '../config/config-error.js'
import { loadConfig } from '../config/load-config.js'
import { AppError } from '../errors/app-error.js'
import { CliError } from './cli-error.js'
import type { Command } from './command.js'
import { backupCommand } from './commands/backup.js'
import { demoCommand } from './commands/demo.js'
import { exportCommand } from './commands/export.js'
import { importCommand } from './commands/import.js'
import { migrateCommand } from './commands/migrate.js'
import { reindexCommand } from './commands/reindex.js'
import { restoreCommand } from './commands/restore.js'
import { startCommand } from './commands/start.js'
import { userCommand } from './commands/user.js'

/** Every command, in the order `help` lists them. */
export const COMMANDS: readonly Command[] = [
  startCommand,
  migrateCommand,
  demoCommand,
  userCommand,
  reindexCommand,
  backupCommand,
  restoreCommand,
  importCommand,
  exportCommand,
]

/** Exit status for configuration errors, as the README promises. */
const CONFIG_ERROR_EXIT = 2

export function helpText(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length))
  return [
    'Usage: masthead <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    `  ${'help'.padEnd(width)}  Show this list`,
    '',
    'Usage of each:',
    ...COMMANDS.map((command) => `  masthead ${command.usage}`),
    '',
    'Configuration comes from environment variables; see README.md.',
  ].join('\n')
}

/**
 * Runs one command and sets process.exitCode; errors become one line on stderr: configuration
 * errors exit 2, usage errors as the command says, anything else 1.
 */
export async function runCli(argv: string[]): Promise<void> {
  const [name = 'help', ...args] = argv
  if (name === 'help' || name === '--help' || name === '-h') {
    console.log(helpText())
    return
  }
  const command = COMMANDS.find((candidate) => candidate.name === name)
  let config: Config | undefined
  try {
    if (!command)
      throw new CliError(`unknown command "${name}"; run "masthead help" for the list`, 2)
    await command.run({
      args,
      config: () => (config ??= loadConfig()),
      print: (line) => console.log(line),
    })
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`masthead: invalid configuration: ${error.message}`)
      process.exitCode = CONFIG_ERROR_EXIT
    } else if (error instanceof CliError) {
      console.error(`masthead: ${error.message}`)
      process.exitCode = error.exitCode
    } else if (error instanceof AppError) {
      // The operator runs the CLI: unlike an HTTP client, they see every AppError's message.
      console.error(`masthead: ${error.message}`)
      process.exitCode = 1
    } else {
      console.error(
        `masthead: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      )
      process.exitCode = 1
    }
  }
}
