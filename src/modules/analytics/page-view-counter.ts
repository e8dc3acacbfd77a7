import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import type { Clock } from '../../platform/clock.js'
import type { LimitSpec } from '../../platform/limits/limit-counters.js'
import type { SharedLimits } from '../../platform/limits/shared-limits.js'
import { findArticleById } from '../articles/article-queries.js'
import { dayOf, recordPageViews } from './page-view-queries.js'

/** One view per article per reader (address and user agent) in 30 minutes. */
const REPEAT_VIEW: LimitSpec = {
  name: 'page-view-repeats',
  limit: 1,
  windowMs: 30 * 60_000,
  largestKeyCount: 100_000,
}
/** Beacons per address and minute, whatever their article or user agent. */
const BEACONS_PER_MINUTE: LimitSpec = { name: 'page-view-beacons', limit: 60, windowMs: 60_000 }
/** Enough of a user agent to tell readers apart; the rest would only grow the key. */
const USER_AGENT_CHARACTERS = 256

/** A beacon as the page-view routes receive it. */
export interface PageViewBeacon {
  articleId: number
  address: string
  userAgent: string | undefined
  /** The request's Sec-Fetch-Site header: where the page that sent it came from. */
  fetchSite: string | undefined
}

export type PageViewOutcome =
  'counted' | 'not-from-the-site' | 'over-the-cap' | 'repeat' | 'not-published'

/**
 * Counts page views so that a reader cannot buy "most read": a beacon another site's page sent
 * is ignored, a reader counts once per article in 30 minutes, and an address sends at most 60
 * beacons a minute. Readers are told apart by a keyed hash of address and user agent held in the
 * machine's limit counters (never stored); see docs/operations.md.
 */
export function createPageViewCounter(deps: {
  db: Kysely<Database>
  clock: Clock
  limits: SharedLimits
}): { count(beacon: PageViewBeacon): Promise<PageViewOutcome> } {
  const { db, clock, limits } = deps
  return {
    async count(beacon) {
      // Browsers that send Sec-Fetch-Site say same-origin for the site's own script and pixel;
      // older ones send none and are counted.
      if (beacon.fetchSite !== undefined && beacon.fetchSite !== 'same-origin')
        return 'not-from-the-site'
      const now = clock.now()
      if (!(await limits.hit(BEACONS_PER_MINUTE, beacon.address, now)).isAllowed)
        return 'over-the-cap'
      const reader = `${beacon.address}\n${(beacon.userAgent ?? '').slice(0, USER_AGENT_CHARACTERS)}`
      if (!(await limits.hit(REPEAT_VIEW, `${reader}\n${beacon.articleId}`, now)).isAllowed)
        return 'repeat'
      const article = await findArticleById(db, beacon.articleId)
      if (article?.status !== 'published') return 'not-published'
      await recordPageViews(db, { articleId: beacon.articleId, day: dayOf(now) })
      return 'counted'
    },
  }
}
