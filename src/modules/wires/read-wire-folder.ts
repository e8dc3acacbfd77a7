import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { decodeFeed } from './fetch-wire-feed.js'
import { WireFeedError } from './wire-feed-error.js'

/** A folder name under the data folder's `wires/`: plain segments, never `..` or absolute. */
export const WIRE_FOLDER_PATTERN = /^(?!.*(?:^|\/)\.\.?(?:\/|$))[\w.-]+(?:\/[\w.-]+)*$/

const FEED_FILE = /\.(?:xml|rss|atom|json)$/i

export interface FolderFile {
  name: string
  text: string
}

/**
 * The feed files an agency dropped in a folder since the last poll (files changed at or after
 * `since`, by modification time), oldest first, and the newest time seen for the next poll. A
 * file over the size limit or in a broken character set is reported and skipped, so one bad
 * file never holds up the others.
 */
export async function readWireFolder(input: {
  folder: string
  since: string | null
  maxBytes: number
}): Promise<{ files: FolderFile[]; problems: string[]; newest: string | null }> {
  let names: string[]
  try {
    names = (await readdir(input.folder)).filter((name) => FEED_FILE.test(name))
  } catch (error) {
    throw new WireFeedError(
      'unreachable',
      `the folder cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  const since = input.since ? Date.parse(input.since) : Number.NEGATIVE_INFINITY
  const found = await Promise.all(
    names.map(async (name) => ({ name, info: await stat(join(input.folder, name)) })),
  )
  const recent = found
    .filter(({ info }) => info.isFile() && info.mtimeMs >= since)
    .sort((a, b) => a.info.mtimeMs - b.info.mtimeMs || a.name.localeCompare(b.name))
  const files: FolderFile[] = []
  const problems: string[] = []
  for (const { name, info } of recent) {
    if (info.size > input.maxBytes) {
      problems.push(`${name}: ${info.size} bytes, over the ${input.maxBytes} allowed`)
      continue
    }
    try {
      files.push({ name, text: decodeFeed(await readFile(join(input.folder, name)), null) })
    } catch (error) {
      problems.push(`${name}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  const newestMs = Math.max(...recent.map(({ info }) => info.mtimeMs))
  return {
    files,
    problems,
    newest: recent.length ? new Date(newestMs).toISOString() : input.since,
  }
}
