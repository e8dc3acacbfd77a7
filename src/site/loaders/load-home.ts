import { dayOf, listMostRead } from '../../modules/analytics/page-view-queries.js'
import {
  listLatestArticles,
  listLatestArticlesOfEach,
  listTopStories,
} from '../../modules/articles/article-queries.js'
import { sectionWithDescendantIds } from '../../modules/sections/section-queries.js'
import { cacheTags } from '../../page-cache/cache-tags.js'
import { siteUrls } from '../site-urls.js'
import type { ArticleCard, Link } from '../view-models.js'
import { articleUrl, loadCards } from './load-cards.js'
import type { SiteContext } from './load-frame.js'

const TOP_STORIES = 5
const LATEST = 8
const PER_SECTION = 4
const MOST_READ = 5
const MOST_READ_DAYS = 7

export interface HomeView {
  lead: ArticleCard | undefined
  secondary: ArticleCard[]
  latest: ArticleCard[]
  sections: { section: Link; cards: ArticleCard[] }[]
  mostRead: (Link & { views: number })[]
  /** Where "More news" under the latest list leads: the first main section. */
  moreUrl: string
}

/** The front page: top stories, latest news, a block per main section and the most read. */
export async function loadHome(context: SiteContext): Promise<HomeView> {
  const { db, frame } = context
  const language = frame.language
  context.uses.add(cacheTags.edition(language))
  const top = await listTopStories(db, { language, limit: TOP_STORIES }, frame.now)
  const shownIds = top.map((article) => article.id)
  const latest = await listLatestArticles(db, { language, excludeIds: shownIds }, LATEST, frame.now)
  const mainSections = context.sections.filter(
    (section) => section.parentId === null && section.translations[language],
  )
  const blockArticles = await listLatestArticlesOfEach(
    db,
    mainSections.map((section) => ({
      language,
      sectionIds: sectionWithDescendantIds(context.sections, section.id),
    })),
    PER_SECTION,
    frame.now,
  )
  const sinceDay = dayOf(new Date(frame.now.getTime() - MOST_READ_DAYS * 86_400_000))
  const mostRead = await listMostRead(db, { language, sinceDay, limit: MOST_READ }, frame.now)
  for (const item of mostRead) context.uses.add(cacheTags.article(item.id))
  // Every card of the page at once: one query for all their images.
  const cards = await loadCards(context, [...top, ...latest, ...blockArticles.flat()])
  const takeCards = (count: number) => cards.splice(0, count)
  const topCards = takeCards(top.length)
  const latestCards = takeCards(latest.length)
  const sections = mainSections.map((section, index) => ({
    section: {
      label: section.translations[language]?.name ?? '',
      url: siteUrls.section(language, section.translations[language]?.slug ?? ''),
    },
    cards: takeCards(blockArticles[index]?.length ?? 0),
  }))
  return {
    lead: topCards[0],
    secondary: topCards.slice(1),
    latest: latestCards,
    sections: sections.filter((block) => block.cards.length > 0),
    mostRead: mostRead.map((item) => ({
      label: item.headline,
      url: articleUrl(context, { ...item, language }),
      views: item.views,
    })),
    moreUrl: frame.navigation[0]?.url ?? siteUrls.home(language),
  }
}
