import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)
const SCRIPT = fileURLToPath(new URL('./sitemap-archive.ts', import.meta.url))

interface ServeResult {
  articles: number
  index: { ms: number; bytes: number }
  monthly: { ms: number; bytes: number }
  peakRssMb: number
}

/**
 * Sitemaps of a 100,000- and a 1,000,000-article archive, each served by a process of its own:
 * the time of the index and of one monthly sitemap, and the serving process's peak memory, which
 * must not grow with the archive (budget: 1M within 1.25× of 100k).
 */
export async function benchSitemaps(): Promise<string[]> {
  const results: ServeResult[] = []
  for (const size of [100_000, 1_000_000]) {
    const folder = mkdtempSync(join(tmpdir(), 'masthead-sitemap-bench-'))
    try {
      await run(process.execPath, ['--import', 'tsx', SCRIPT, 'generate', String(size), folder], {
        maxBuffer: 1 << 20,
      })
      const { stdout } = await run(process.execPath, ['--import', 'tsx', SCRIPT, 'serve', folder], {
        maxBuffer: 1 << 20,
      })
      results.push(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ServeResult)
    } finally {
      rmSync(folder, { recursive: true, force: true })
    }
  }
  const lines = results.map(
    (result) =>
      `${String(result.articles).padStart(9)} articles: index ${result.index.ms.toFixed(0)} ms, ` +
      `one month ${result.monthly.ms.toFixed(0)} ms (${(result.monthly.bytes / 1e6).toFixed(1)} MB), peak RSS ${result.peakRssMb} MB`,
  )
  const [small, large] = results
  if (small && large)
    lines.push(
      `peak memory at 1M / at 100k: ratio ${(large.peakRssMb / small.peakRssMb).toFixed(2)}`,
    )
  return lines
}
