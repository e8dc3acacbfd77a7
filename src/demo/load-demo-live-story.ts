import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import { createArticle } from '../modules/articles/article-queries.js'
import { insertLiveEntry } from '../modules/live/live-entry-queries.js'
import { demoDocument } from './demo-document.js'
import { DEMO_LIVE_STORY } from './demo-live-story.js'

const MINUTE_MS = 60_000
const LANGUAGES = ['en', 'ar'] as const

/** The demo's live story in both editions, with its entries; answers how many articles it made. */
export async function loadDemoLiveStory(
  db: Kysely<Database>,
  input: {
    sectionId: number
    authorIds: number[]
    /** The story's tags in an edition. */
    tagIds: (language: 'en' | 'ar') => number[]
    heroMediaId: number | null
  },
  now: Date,
): Promise<number> {
  const story = DEMO_LIVE_STORY
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * MINUTE_MS)
  const startedAt = at(story.minutesAgo).toISOString()
  const newest = Math.min(...story.entries.map((entry) => entry.minutesAgo))
  const noReferences = { relatedCard: () => undefined, galleryId: () => undefined }
  for (const language of LANGUAGES) {
    const text = story[language]
    const articleId = await createArticle(
      db,
      {
        language,
        translationGroup: story.key,
        sectionId: input.sectionId,
        status: 'published',
        type: 'live',
        headline: text.headline,
        dek: text.dek,
        bodyDoc: demoDocument(text.body, noReferences),
        heroMediaId: input.heroMediaId,
        coverageState: 'live',
        coverageStartedAt: startedAt,
        publishedAt: startedAt,
        updatedAt: at(newest).toISOString(),
        authorIds: input.authorIds,
        tagIds: input.tagIds(language),
      },
      now,
    )
    for (const entry of story.entries) {
      await insertLiveEntry(
        db,
        {
          articleId,
          authorUserId: null,
          title: entry[language].title ?? null,
          bodyDoc: demoDocument(entry[language].body, noReferences),
          isKeyEvent: entry.isKeyEvent ?? false,
          isPinned: entry.isPinned ?? false,
        },
        at(entry.minutesAgo),
      )
    }
  }
  return LANGUAGES.length
}
