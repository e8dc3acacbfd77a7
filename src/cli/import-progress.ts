import type { ImportProgress } from '../importers/wordpress/import-wordpress.js'

const BAR_WIDTH = 30
const LINE_EVERY_MS = 5_000

function eta(startedAt: number, share: number): string {
  if (share <= 0) return '--:--'
  const seconds = Math.round(((performance.now() - startedAt) / 1000) * ((1 - share) / share))
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

/**
 * Shows an import's progress: a bar redrawn in place with counts and the time left on a terminal,
 * a plain line every few seconds otherwise (logs, pipes). Progress is measured in bytes of the file.
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
    const share = progress.totalBytes ? progress.bytesRead / progress.totalBytes : 1
    const percent = Math.floor(share * 100)
    const label = phase === 'checking' ? 'Checking the file' : `Imported ${progress.items} items`
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
    print(`${label}: ${percent}% of the file, about ${eta(startedAt, share)} left`)
  }
}
