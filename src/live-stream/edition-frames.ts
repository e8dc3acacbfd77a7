import type { Kysely } from 'kysely'
import type { Config } from '../config/config.js'
import type { Database } from '../db/database.js'
import type { TaggedMemo } from '../page-cache/tagged-memo.js'
import type { Clock } from '../platform/clock.js'
import type { AssetManifest } from '../site/assets/asset-manifest.js'
import { loadSiteContext, readEditions } from '../site/loaders/load-frame.js'
import type { Frame } from '../site/view-models.js'

/** An edition's frame as its pages have it now (breaking items, messages, locale); none if unknown. */
export type FrameOf = (language: string) => Promise<Frame | undefined>

/**
 * Frames from the same memo as the pages', so a stream says what a page rendered now would say,
 * and a change purges both at once.
 */
export function editionFrames(deps: {
  db: Kysely<Database>
  memo: TaggedMemo
  config: Config
  assets: AssetManifest
  clock: Clock
}): FrameOf {
  const { db, memo, clock } = deps
  return async (language) => {
    const now = clock.now()
    const edition = (await readEditions(db, memo, now)).find((item) => item.code === language)
    if (!edition) return undefined
    const context = await loadSiteContext({ ...deps, edition, now })
    return context.frame
  }
}
