import { execFileSync } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type Plugin } from 'vite'
import { compressForBuild, ENCODING_SUFFIXES } from '../src/http/precompressed-file.js'

const root = fileURLToPath(new URL('.', import.meta.url))

/** Writes brotli and gzip copies next to each text file of the build: the server never compresses. */
function precompress(): Plugin {
  return {
    name: 'masthead-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const files = Object.keys(bundle)
        .filter((name) => /^assets\/.*\.(js|css|svg|json)$/.test(name))
        .map((name) => join(options.dir ?? '', name))
      await Promise.all(
        files.map(async (file) => {
          const compressed = await compressForBuild(await readFile(file))
          for (const encoding of ['br', 'gzip'] as const)
            await writeFile(file + ENCODING_SUFFIXES[encoding], compressed[encoding])
        }),
      )
    },
  }
}

/**
 * Writes the app's API types from the server's route definitions before a build or `vite` dev
 * starts (scripts/generate-api-types.ts; the file is not in git).
 */
function generateApiTypes(): Plugin {
  return {
    name: 'masthead-api-types',
    buildStart() {
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/generate-api-types.ts'], {
        cwd: fileURLToPath(new URL('..', import.meta.url)),
        stdio: 'inherit',
      })
    },
  }
}

/** The newsroom app, built into dist/admin and served by the Masthead server at /admin. */
export default defineConfig(({ command }) => {
  // A build is a production build (React's, and JSX without its development checks) even when
  // NODE_ENV says otherwise, as it does inside a test run.
  if (command === 'build') process.env['NODE_ENV'] = 'production'
  return {
    root,
    base: '/admin/',
    plugins: [generateApiTypes(), react(), precompress()],
    build: {
      outDir: fileURLToPath(new URL('../dist/admin', import.meta.url)),
      emptyOutDir: true,
      target: 'es2022',
      assetsDir: 'assets',
    },
    server: {
      // `npx vite admin` during development; the API comes from `npm run dev` on port 3000.
      proxy: { '/api': 'http://localhost:3000' },
    },
  }
})
