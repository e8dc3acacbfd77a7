import type { ImportProgress } from '../importers/import-progress.js'

const BAR_WIDTH = 30
const LINE_EVERY_MS = 5_000

function eta(startedAt: number, share: number): string {
  if (share <= 0) return '--:--'
  const seconds = Math.round(((performance.now() - startedAt) / 1000) * ((1 - share) / share))
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

/** How far along the phase is, and what the bar is labelled. */
function measure(progress: ImportProgress): { share: number; label: string } {
  if (progress.phase === 'fetching')
    return {
      share: progress.totalFiles ? progress.files / progress.totalFiles : 1,
      label: `Downloaded ${progress.files}/${progress.totalFiles} files`,
    }
  return {
    share: progress.totalBytes ? progress.bytesRead / progress.totalBytes : 1,
    label: progress.phase === 'checking' ? 'Checking the file' : `Imported ${progress.items} items`,
  }
}

/**
 * Shows an import's progress: a bar redrawn in place with counts and the time left on a terminal,
 * a plain line every few seconds otherwise (logs, pipes). Progress is measured in bytes of the
 * file, and in files while the old site's media are downloaded.
 */
export function importProgressReporter(
  print: (line: string) => void,
  isTerminal = Boolean(process.stdout.isTTY),
): (progress: ImportProgress) => void {
  let startedAt = performance.now()
  let phase = ''
  let lastLine = -Infinity
  return (progress) => {
    if (progress.phase !== phase) {
      if (isTerminal && phase) process.stdout.write('\n')
      phase = progress.phase
      startedAt = performance.now()
      lastLine = -Infinity
    }
    const { share, label } = measure(progress)
    const percent = Math.floor(share * 100)
    if (isTerminal) {
      const filled = Math.round(share * BAR_WIDTH)
      process.stdout.write(
        `\r${label.padEnd(24)} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${percent}% ETA ${eta(startedAt, share)} `,
      )
      if (share >= 1 && phase === 'importing') process.stdout.write('\n')
      return
    }
    const now = performance.now()
    if (now - lastLine < LINE_EVERY_MS) return
    lastLine = now
    const of = phase === 'fetching' ? 'of the files' : 'of the file'
    print(`${label}: ${percent}% ${of}, about ${eta(startedAt, share)} left`)
  }
}
