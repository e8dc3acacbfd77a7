import type { Config } from '../config/config.js'

/** What a command gets: its arguments, the configuration (loaded on first use) and an output. */
export interface CommandContext {
  args: string[]
  config: () => Config
  print: (line: string) => void
}

/** One `masthead` command; each lives in its own file under commands/. */
export interface Command {
  name: string
  usage: string
  summary: string
  /** Resolves when the command is done; `start` resolves once the server listens. */
  run(context: CommandContext): Promise<void>
}
