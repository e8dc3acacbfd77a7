import { existsSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { promisify } from 'node:util'

/** The repository root when running the sources, or dist/ when running the compiled JavaScript. */
const root = fileURLToPath(new URL('../../', import.meta.url))
const run = promisify(execFile)

/** The folder `vite build` writes the newsroom app to: dist/admin. */
export function adminBuildFolder(): string {
  return basename(root.replace(/\/$/, '')) === 'dist'
    ? join(root, 'admin')
    : join(root, 'dist', 'admin')
}

/** Whether the newsroom app has been built. */
export function isAdminBuilt(folder = adminBuildFolder()): boolean {
  return existsSync(join(folder, 'index.html'))
}

/**
 * Builds the newsroom app with Vite into dist/admin (or `outDir`); answers false when Vite or
 * the sources are missing. Vite runs in a child process: in the server's own process its memory
 * stayed (a process that had built the app held 300 MB more for as long as it ran).
 */
export async function buildAdmin(print: (line: string) => void, outDir?: string): Promise<boolean> {
  const config = join(root, 'admin', 'vite.config.ts')
  if (!existsSync(config)) {
    print('The newsroom app is not built and its sources are missing: /admin will answer 503.')
    return false
  }
  let viteCommand: string
  try {
    viteCommand = join(
      dirname(createRequire(config).resolve('vite/package.json')),
      'bin',
      'vite.js',
    )
  } catch {
    print(
      'Vite is not installed (npm ci installs it): /admin will answer 503 until `npm run build`.',
    )
    return false
  }
  const outputOptions = outDir ? ['--outDir', outDir, '--emptyOutDir'] : []
  await run(
    process.execPath,
    [viteCommand, 'build', '-c', config, '--logLevel', 'warn', ...outputOptions],
    {
      cwd: root,
      maxBuffer: 16 * 1024 * 1024,
    },
  )
  return true
}

/**
 * Builds the newsroom app when dist/admin is missing, so that `npm start` on a fresh checkout
 * serves /admin; an app already built is left alone (the start stays fast).
 */
export async function ensureAdminBuilt(print: (line: string) => void): Promise<void> {
  if (isAdminBuilt()) return
  print('Building the newsroom app (dist/admin), once…')
  await buildAdmin(print)
}
