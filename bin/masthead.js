#!/usr/bin/env node
// The `masthead` command. Runs the TypeScript sources through tsx, so there is no build step to
// forget; `npm run build` compiles them for deployments that prefer plain JavaScript.
import { register } from 'tsx/esm/api'

register()
const { runCli } = await import('../src/cli/run-cli.ts')
await runCli(process.argv.slice(2))
