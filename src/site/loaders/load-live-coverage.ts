import type { Article } from '../../modules/articles/article.js'
import { documentPlainText } from '../../modules/articles/document/render-document.js'
import { findEntryBylines } from '../../modules/live/live-entry-bylines.js'
import {
  listHighlightedLiveEntries,
  listLiveEntries,
  listLiveEntryIds,
} from '../../modules/live/live-entry-queries.js'
import type { LiveEntry } from '../../modules/live/live-entry.js'
import { cacheTags } from '../../page-cache/cache-tags.js'
import { fitText } from '../../platform/fit-text.js'
import { entryAnchor } from '../components/live-entry.js'
import { feedUrls } from '../feeds/load-feed.js'
import { withPage } from '../site-urls.js'
import type { LiveCoverageView, LiveEntryItem } from '../view-models.js'
import type { SiteContext } from './load-frame.js'

/** Entries on one page of a live story. */
export const LIVE_PAGE_SIZE = 20
/** Entries in the JSON-LD's liveBlogUpdate: the newest ones. */
export const LIVE_JSON_LD_UPDATES = 10
/** How long a key event's text is when the entry has no title. */
const KEY_EVENT_TEXT_LENGTH = 90

/** An entry's title, else the first words of its body: what a summary or a feed item shows. */
export function entryHeadline(entry: LiveEntry, maxLength = KEY_EVENT_TEXT_LENGTH): string {
  if (entry.title) return entry.title
  const text = documentPlainText(entry.bodyDoc).replace(/\s+/g, ' ').trim()
  return fitText(text, maxLength, { atWordEnd: true })
}

/**
 * A live story's coverage and the page of its entries a reader asked for (newest first), or
 * undefined when that page does not exist. The pinned entry and the key events link to their
 * entry on whichever page it is. The page carries the story's `a:{id}` tag already, which the
 * `live_entry` events purge.
 */
export async function loadLiveCoverage(
  context: SiteContext,
  article: Article,
  path: string,
  page: number,
): Promise<LiveCoverageView | undefined> {
  const { db } = context
  const ids = await listLiveEntryIds(db, article.id)
  const pageCount = Math.max(1, Math.ceil(ids.length / LIVE_PAGE_SIZE))
  if (page > pageCount) return undefined
  const [entries, highlighted, newest] = await Promise.all([
    listLiveEntries(db, article.id, {
      limit: LIVE_PAGE_SIZE,
      offset: (page - 1) * LIVE_PAGE_SIZE,
    }),
    listHighlightedLiveEntries(db, article.id),
    page === 1
      ? undefined
      : listLiveEntries(db, article.id, { limit: LIVE_JSON_LD_UPDATES, offset: 0 }),
  ])
  const latest = (newest ?? entries).slice(0, LIVE_JSON_LD_UPDATES)
  const bylines = await findEntryBylines(db, [
    ...entries,
    ...latest,
    ...(highlighted.pinned ? [highlighted.pinned] : []),
  ])
  for (const byline of bylines.values())
    if (byline.author) context.uses.add(cacheTags.author(byline.author.id))
  const withByline = (entry: LiveEntry): LiveEntryItem => ({
    entry,
    byline: entry.authorUserId === null ? undefined : bylines.get(entry.authorUserId),
  })
  const positions = new Map(ids.map((id, index) => [id, index]))
  const permalink = (id: number) => {
    const entryPage = Math.floor((positions.get(id) ?? 0) / LIVE_PAGE_SIZE) + 1
    return `${entryPage === page ? '' : withPage(path, entryPage)}#${entryAnchor(id)}`
  }
  const newestEntry = latest[0]
  return {
    state: article.coverageState ?? 'live',
    startedAt: article.coverageStartedAt ?? undefined,
    endedAt: (article.coverageState === 'ended' && article.coverageEndedAt) || undefined,
    modifiedAt: newestEntry
      ? (newestEntry.editedAt ?? newestEntry.createdAt)
      : (article.coverageStartedAt ?? undefined),
    entries: entries.map(withByline),
    pinned: highlighted.pinned && {
      ...withByline(highlighted.pinned),
      permalink: permalink(highlighted.pinned.id),
    },
    keyEvents: highlighted.keyEvents.map((entry) => ({
      id: entry.id,
      text: entryHeadline(entry),
      createdAt: entry.createdAt,
      permalink: permalink(entry.id),
    })),
    latest: latest.map(withByline),
    page,
    pageCount,
    feeds: feedUrls(path),
  }
}
