import type { FastifyBaseLogger } from 'fastify'
import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import type { AssetManifest } from '../site/assets/asset-manifest.js'
import { claimAssetChange } from '../modules/settings/served-assets-record.js'
import { cacheTags } from './cache-tags.js'
import type { EdgePurge } from './purge-on-change.js'

/** What the check at start did; the log says it too. */
export type AssetChangeOutcome = 'unchanged' | 'purged' | 'recorded' | 'failed'

/**
 * Run once a process listens: when this build's site assets differ from those the site's pages
 * last pointed at, purges every page at the edge (each carries the `site` tag, in its frame), so
 * that no page cached there keeps naming the older files. Of all the processes of a deploy, on
 * one machine or many, only the first to start sends it. A failed purge gives the change back,
 * for the next start to try again.
 */
export async function purgeEdgeOnAssetChange(deps: {
  db: Kysely<Database>
  assets: Pick<AssetManifest, 'paths'>
  edge: EdgePurge | undefined
  now: Date
  log: Pick<FastifyBaseLogger, 'info' | 'error'>
}): Promise<AssetChangeOutcome> {
  const { log } = deps
  try {
    const claim = await claimAssetChange({ db: deps.db, paths: deps.assets.paths, now: deps.now })
    if (!claim) return 'unchanged'
    const { changed } = claim
    if (!deps.edge) {
      log.info({ changed }, 'site assets changed since the last start; no edge to purge')
      return 'recorded'
    }
    try {
      await deps.edge([cacheTags.site])
    } catch (error) {
      await claim.release()
      log.error({ err: error, changed }, 'edge purge after a change of the site assets failed')
      return 'failed'
    }
    log.info(
      { changed, tags: [cacheTags.site] },
      'site assets changed: purged every page at the edge',
    )
    return 'purged'
  } catch (error) {
    log.error({ err: error }, 'checking the site assets against the last start failed')
    return 'failed'
  }
}
