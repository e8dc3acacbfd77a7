import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)
const SCRIPT = fileURLToPath(new URL('./media-pipeline.ts', import.meta.url))

interface PipelineResult {
  photoBytes: number
  baselineMs: number
  singleMs: number
  tenMs: number
  startRssMb: number
  idleRssMb: number
  peakRssMb: number
  maxRssMb: number
  jobConcurrency: number
}

/**
 * The media pipeline in a process of its own: a 12-megapixel JPEG from upload to every variant
 * ready (against one plain decode and re-encode of the same picture), and the peak memory while ten
 * such uploads are processed at once with the job's bounded concurrency.
 */
export async function benchMedia(): Promise<string[]> {
  const folder = mkdtempSync(join(tmpdir(), 'masthead-media-bench-'))
  const measured = async () => {
    await run(process.execPath, ['--import', 'tsx', SCRIPT, 'generate', folder])
    return run(process.execPath, ['--import', 'tsx', SCRIPT, 'run', folder], { maxBuffer: 1 << 20 })
  }
  let stdout: string
  try {
    ;({ stdout } = await measured())
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
  const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as PipelineResult
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
  return [
    `12 MP JPEG (${(result.photoBytes / 2 ** 20).toFixed(1)} MB), upload to all variants ready: ` +
      `${seconds(result.singleMs)}   vs one decode + re-encode: ${seconds(result.baselineMs)}  ` +
      `ratio ${(result.singleMs / result.baselineMs).toFixed(1)}`,
    `10 such uploads at once (variant jobs ${result.jobConcurrency} at a time): all ready in ` +
      `${seconds(result.tenMs)}; peak RSS ${result.peakRssMb.toFixed(0)} MB ` +
      `(at start ${result.startRssMb.toFixed(0)} MB, after the first upload ` +
      `${result.idleRssMb.toFixed(0)} MB)`,
  ]
}
