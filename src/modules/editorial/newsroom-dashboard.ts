import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import type { Page } from '../../db/pagination.js'
import { hasPermission, seesAllArticles, type Actor } from '../access/actor.js'
import { dayOf, listMostRead } from '../analytics/page-view-queries.js'
import {
  listNewsroomArticles,
  type NewsroomArticleFilter,
} from '../articles/newsroom-article-queries.js'
import { listEditions } from '../editions/edition-queries.js'
import { listContactMessages, type ContactMessage } from '../contact/contact-queries.js'
import { withNames, type ArticleListRow } from './article-listing.js'

/** How many rows each panel shows; the panel's total says how many there are in all. */
export const DASHBOARD_PANEL_SIZE = 5

/** A panel of articles: the first few and how many there are. */
export interface ArticlePanel {
  items: Omit<ArticleListRow, 'snippet'>[]
  total: number
}

export interface NewsroomDashboard {
  myDrafts: ArticlePanel
  inReview: ArticlePanel
  scheduled: ArticlePanel
  recentlyPublished: ArticlePanel
  breaking: ArticlePanel
  /** Null for people who do not handle the contact inbox. */
  contact: { unreadCount: number; latest: ContactMessage[] } | null
  /** Today's most-read published articles of each edition. */
  mostReadToday: { id: number; language: string; headline: string; views: number }[]
}

const toPanel = (page: Page<Omit<ArticleListRow, 'snippet'>>): ArticlePanel => ({
  items: page.items,
  total: page.total,
})

/**
 * Everything the newsroom's landing screen shows, in one answer. Contributors and authors see
 * only their own articles in every panel; the contact inbox is there for those who handle it.
 */
export async function loadNewsroomDashboard(
  db: Kysely<Database>,
  actor: Extract<Actor, { kind: 'user' }>,
  now: Date,
): Promise<NewsroomDashboard> {
  const ownedByUserId = seesAllArticles(actor) ? undefined : actor.userId
  const panel = async (filter: NewsroomArticleFilter) =>
    toPanel(
      await withNames(
        db,
        await listNewsroomArticles(db, filter, { pageSize: DASHBOARD_PANEL_SIZE }),
      ),
    )
  const editions = await listEditions(db)
  const [myDrafts, inReview, scheduled, recentlyPublished, breaking, contact, mostRead] =
    await Promise.all([
      panel({ statuses: ['draft'], ownedByUserId: actor.userId }),
      panel({ statuses: ['in_review'], ownedByUserId }),
      panel({ statuses: ['scheduled'], ownedByUserId, sort: 'scheduled' }),
      panel({ statuses: ['published'], ownedByUserId, sort: 'published' }),
      panel({
        statuses: ['published'],
        ownedByUserId,
        breakingAt: now.toISOString(),
        sort: 'published',
      }),
      hasPermission(actor, 'contact.manage') ? unreadContactMessages(db) : null,
      Promise.all(
        editions.map(async ({ code }) =>
          (
            await listMostRead(
              db,
              { language: code, sinceDay: dayOf(now), limit: DASHBOARD_PANEL_SIZE, ownedByUserId },
              now,
            )
          ).map((row) => ({
            id: row.id,
            language: code,
            headline: row.headline,
            views: row.views,
          })),
        ),
      ),
    ])
  return {
    myDrafts,
    inReview,
    scheduled,
    recentlyPublished,
    breaking,
    contact,
    mostReadToday: mostRead
      .flat()
      .sort((a, b) => b.views - a.views)
      .slice(0, DASHBOARD_PANEL_SIZE),
  }
}

async function unreadContactMessages(db: Kysely<Database>) {
  const page = await listContactMessages(db, { isUnreadOnly: true, pageSize: 3 })
  return { unreadCount: page.total, latest: page.items }
}
