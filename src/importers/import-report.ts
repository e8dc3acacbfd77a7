/** What an import did, printed at its end: counts by kind and outcome, and every failure. */
export interface ImportReport {
  /** New rows by kind (articles, pages, media, sections, tags, authors, galleries, redirects). */
  imported: Record<string, number>
  /** Rows brought up to date by a second run, by kind. */
  updated: Record<string, number>
  /** Items left out on purpose, by reason ("trash", "nav_menu_item"…). */
  skipped: Record<string, number>
  failed: { item: string; reason: string }[]
  /** Texts longer than the Admin API takes, imported cut to its limit (`fitImportedText`). */
  shortened: { item: string; field: string; length: number; limit: number }[]
  /** Files not brought in: the remote URL is kept as the reference. */
  remoteMedia: string[]
  /** Content without an equivalent, by name: blocks kept as sanitised HTML, shortcodes dropped. */
  unknownBlocks: Record<string, number>
  droppedShortcodes: Record<string, number>
  /** Files that could not be downloaded (`--fetch-media`), by URL, with why. */
  unfetchedMedia: { url: string; reason: string }[]
  /** Images of the content kept at their remote URL (their file was not imported). */
  remoteImages: number
  /** Images of the content left out of the body: no file imported and no usable remote URL. */
  unresolvedImages: number
  /** Posts and pages protected by a password: imported as drafts, never published. */
  passwordProtected: number
}

export function emptyReport(): ImportReport {
  return {
    imported: {},
    updated: {},
    skipped: {},
    failed: [],
    shortened: [],
    remoteMedia: [],
    unfetchedMedia: [],
    unknownBlocks: {},
    droppedShortcodes: {},
    remoteImages: 0,
    unresolvedImages: 0,
    passwordProtected: 0,
  }
}

/** Adds one (or `by`) to a count. */
export function tally(counts: Record<string, number>, key: string, by = 1): void {
  counts[key] = (counts[key] ?? 0) + by
}

function counts(record: Record<string, number>): string {
  const entries = Object.entries(record).sort(([a], [b]) => a.localeCompare(b))
  return entries.length ? entries.map(([key, value]) => `${value} ${key}`).join(', ') : 'none'
}

/** The report as lines for the terminal. */
export function formatReport(report: ImportReport): string[] {
  const lines = [
    `Imported: ${counts(report.imported)}`,
    `Updated: ${counts(report.updated)}`,
    `Skipped: ${counts(report.skipped)}`,
    `Failed: ${report.failed.length}`,
    ...report.failed.map(({ item, reason }) => `  ${item}: ${reason}`),
  ]
  if (report.shortened.length) {
    lines.push(`Shortened to the newsroom's limits: ${report.shortened.length}`)
    lines.push(
      ...report.shortened.map(
        ({ item, field, length, limit }) =>
          `  ${item}: ${field} cut from ${length} to ${limit} characters`,
      ),
    )
  }
  if (Object.keys(report.unknownBlocks).length)
    lines.push(`Blocks kept as sanitised HTML: ${counts(report.unknownBlocks)}`)
  if (Object.keys(report.droppedShortcodes).length)
    lines.push(`Shortcodes left out: ${counts(report.droppedShortcodes)}`)
  if (report.remoteImages)
    lines.push(
      `Images kept in bodies at their old URL (file not imported; --fetch-media or --media-dir brings them in): ${report.remoteImages}`,
    )
  if (report.unresolvedImages)
    lines.push(`Images left out of bodies (no file, no usable URL): ${report.unresolvedImages}`)
  if (report.passwordProtected)
    lines.push(
      `Protected by a password, imported as drafts (not published): ${report.passwordProtected}`,
    )
  if (report.unfetchedMedia.length) {
    lines.push(`Files not downloaded, kept at their old URL (${report.unfetchedMedia.length}):`)
    lines.push(...report.unfetchedMedia.map(({ url, reason }) => `  ${url}: ${reason}`))
  }
  if (report.remoteMedia.length) {
    lines.push(`Media kept as remote references (${report.remoteMedia.length}):`)
    lines.push(...report.remoteMedia.map((url) => `  ${url}`))
  }
  return lines
}

/** Adds the counts and lists of `part` (one item's import, once committed) to `total`. */
export function mergeReport(total: ImportReport, part: ImportReport): void {
  for (const key of [
    'imported',
    'updated',
    'skipped',
    'unknownBlocks',
    'droppedShortcodes',
  ] as const)
    for (const [name, count] of Object.entries(part[key])) tally(total[key], name, count)
  total.failed.push(...part.failed)
  total.shortened.push(...part.shortened)
  total.remoteMedia.push(...part.remoteMedia)
  total.unfetchedMedia.push(...part.unfetchedMedia)
  total.remoteImages += part.remoteImages
  total.unresolvedImages += part.unresolvedImages
  total.passwordProtected += part.passwordProtected
}
