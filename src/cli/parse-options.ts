import { CliError } from './cli-error.js'

/**
 * Reads `--name value` pairs. Unknown options and options without a value are mistakes (exit 2),
 * so a typo never silently does something else.
 */
export function parseOptions<Name extends string>(
  args: string[],
  allowed: readonly Name[],
): Partial<Record<Name, string>> {
  const options: Partial<Record<Name, string>> = {}
  for (let index = 0; index < args.length; index += 2) {
    const flag = args[index] ?? ''
    const name = flag.replace(/^--/, '') as Name
    if (!flag.startsWith('--') || !allowed.includes(name)) {
      throw new CliError(
        `unknown option ${flag}; expected ${allowed.map((option) => `--${option}`).join(', ')}`,
        2,
      )
    }
    const value = args[index + 1]
    if (value === undefined || value.startsWith('--'))
      throw new CliError(`${flag} needs a value`, 2)
    options[name] = value
  }
  return options
}
