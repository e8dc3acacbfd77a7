// The process entry (`node dist/src/main.js`, `npm run dev`): the same as `masthead start`, so
// configuration errors, signals and exit codes behave alike.
import { runCli } from './cli/run-cli.js'

await runCli(['start', ...process.argv.slice(2)])
