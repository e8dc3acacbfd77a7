import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const root = fileURLToPath(new URL('.', import.meta.url))

/** The newsroom app, built into dist/admin and served by the Masthead server at /admin. */
export default defineConfig(({ command }) => {
  // A build is a production build (React's, and JSX without its development checks) even when
  // NODE_ENV says otherwise, as it does inside a test run.
  if (command === 'build') process.env['NODE_ENV'] = 'production'
  return {
    root,
    base: '/admin/',
    plugins: [react()],
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
