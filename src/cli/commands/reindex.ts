import { createSearchIndex, type RebuildProgress } from '../../modules/search/search-index.js'
import type { Command } from '../command.js'
import { parseOptions } from '../parse-options.js'
import { withMigratedStore } from '../with-store.js'

const BAR_WIDTH = 30

/** A progress bar redrawn in place on a terminal; a line per tenth otherwise (logs, pipes). */
function progressReporter(print: (line: string) => void): (progress: RebuildProgress) => void {
  if (process.stdout.isTTY) {
    return ({ done, total }) => {
      const share = total === 0 ? 1 : done / total
      const filled = Math.round(share * BAR_WIDTH)
      process.stdout.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${total} articles`,
      )
      if (done >= total) process.stdout.write('\n')
    }
  }
  let lastTenth = -1
  return ({ done, total }) => {
    const tenth = total === 0 ? 10 : Math.floor((done / total) * 10)
    if (tenth === lastTenth && done < total) return
    lastTenth = tenth
    print(
      `Indexed ${done} of ${total} articles (${Math.floor((done / Math.max(total, 1)) * 100)}%)`,
    )
  }
}

export const reindexCommand: Command = {
  name: 'reindex',
  usage: 'reindex',
  summary: 'Rebuild the search index from every article',
  async run({ args, config, print }) {
    parseOptions(args, [])
    await withMigratedStore(config(), async ({ db, dialect }) => {
      const started = performance.now()
      const count = await createSearchIndex({ db }).rebuild(progressReporter(print))
      print(
        `Rebuilt the search index on ${dialect}: ${count} articles in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
      )
    })
  },
}
