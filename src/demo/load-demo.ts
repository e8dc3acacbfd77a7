import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import { withTransaction } from '../db/transaction.js'
import { dayOf, recordPageViews } from '../modules/analytics/page-view-queries.js'
import { articlePath } from '../modules/articles/article-path.js'
import { createArticle } from '../modules/articles/article-queries.js'
import { paragraph } from '../modules/articles/document/article-document.js'
import { createAuthor } from '../modules/authors/author-queries.js'
import { createPage } from '../modules/pages/page-queries.js'
import { createSearchIndex } from '../modules/search/search-index.js'
import { createSection } from '../modules/sections/section-queries.js'
import { updateSiteSettings } from '../modules/settings/settings-queries.js'
import { createSource } from '../modules/sources/source-queries.js'
import { findOrCreateTags } from '../modules/tags/tag-queries.js'
import type { MediaStorage } from '../platform/storage/media-storage.js'
import { demoDocument } from './demo-document.js'
import { loadDemoMedia } from './demo-media.js'
import { DEMO_ABOUT, DEMO_PAGES, DEMO_SITE_NAME, DEMO_SOCIAL_LINKS } from './demo-pages.js'
import type { DemoStory } from './demo-story.js'
import { DEMO_STORIES, storiesInLinkOrder } from './demo-stories.js'
import { DEMO_LIVE_STORY } from './demo-live-story.js'
import { loadDemoLiveStory } from './load-demo-live-story.js'
import { DEMO_AUTHORS, DEMO_SECTIONS, DEMO_SOURCES, DEMO_TAGS } from './demo-taxonomy.js'

const HOUR_MS = 3_600_000
const LANGUAGES = ['en', 'ar'] as const
/** How long the demo's breaking items stay in the breaking bar after loading. */
const BREAKING_HOURS = 48

export interface DemoSummary {
  articles: number
  sections: number
  tags: number
  pages: number
}

/** When a story was published: `daysAgo` days before now at its hour, never in the future. */
function publicationTime(story: DemoStory, now: Date, index: number): string {
  const day = new Date(now.getTime() - story.daysAgo * 24 * HOUR_MS)
  day.setUTCHours(story.hour, (index * 7) % 60, 0, 0)
  const latest = now.getTime() - (index + 1) * 5 * 60_000
  return new Date(Math.min(day.getTime(), latest)).toISOString()
}

/** When a story's correction or update was added: three hours after publication, or by now. */
function noticeTime(publishedAt: string, now: Date): string {
  return new Date(Math.min(Date.parse(publishedAt) + 3 * HOUR_MS, now.getTime())).toISOString()
}

async function loadTaxonomy(db: Kysely<Database>, now: Date) {
  const sections = new Map<string, { id: number; slug: { en: string; ar: string } }>()
  for (const [position, section] of DEMO_SECTIONS.entries()) {
    const parent = section.parent ? sections.get(section.parent) : undefined
    const id = await createSection(
      db,
      {
        parentId: parent?.id ?? null,
        position,
        translations: {
          en: { name: section.name.en, slug: section.slug.en },
          ar: { name: section.name.ar, slug: section.slug.ar },
        },
      },
      now,
    )
    sections.set(section.key, { id, slug: section.slug })
  }
  const tags = new Map<string, number>()
  for (const language of LANGUAGES) {
    const keys = Object.keys(DEMO_TAGS)
    const created = await findOrCreateTags(
      db,
      { language, names: keys.map((key) => DEMO_TAGS[key]?.[language] ?? key) },
      now,
    )
    created.forEach((tag, index) => tags.set(`${language}:${keys[index]}`, tag.id))
  }
  const authors = new Map<string, number>()
  for (const author of DEMO_AUTHORS) {
    authors.set(
      author.key,
      await createAuthor(db, { slug: author.key, name: author.name, bio: author.bio }, now),
    )
  }
  const sources = new Map<string, number>()
  for (const source of DEMO_SOURCES) {
    sources.set(
      source.key,
      await createSource(db, { slug: source.key, name: source.name, url: source.url }, now),
    )
  }
  return { sections, tags, authors, sources }
}

/**
 * Fills an empty newsroom with the demo: sections, tags, authors, agencies, pictures and
 * galleries, about 80 articles in two editions (a live story with its entries among them), static
 * pages, settings, a week of page views and the search index.
 * All rows are written in one transaction; the picture files are content-addressed, so a failed
 * load leaves nothing that a second one would duplicate.
 */
export async function loadDemoContent(
  db: Kysely<Database>,
  storage: MediaStorage,
  now: Date,
): Promise<DemoSummary> {
  return withTransaction(db, async (trx) => {
    await updateSiteSettings(
      trx,
      {
        siteName: DEMO_SITE_NAME,
        about: DEMO_ABOUT,
        socialLinks: DEMO_SOCIAL_LINKS,
        timeZone: 'Asia/Dubai',
      },
      now,
    )
    const taxonomy = await loadTaxonomy(trx, now)
    const media = await loadDemoMedia(trx, storage, now)
    const created = new Map<string, { articleId: number; headline: string; url: string }>()
    let articles = 0

    for (const [index, story] of storiesInLinkOrder(DEMO_STORIES).entries()) {
      const section = taxonomy.sections.get(story.section)
      if (!section)
        throw new Error(`demo story ${story.key} names an unknown section ${story.section}`)
      const publishedAt = publicationTime(story, now, index)
      const heroGallery = story.heroGallery ? media.galleries.get(story.heroGallery) : undefined
      for (const language of LANGUAGES) {
        const text = story[language]
        if (!text) continue
        const references = {
          relatedCard: (key: string) => created.get(`${language}:${key}`),
          galleryId: (key: string) => media.galleries.get(key)?.galleryId,
        }
        const id = await createArticle(
          trx,
          {
            language,
            translationGroup: story.en && story.ar ? story.key : null,
            sectionId: section.id,
            status: 'published',
            type: story.type ?? 'report',
            headline: text.headline,
            dek: text.dek,
            bodyDoc: demoDocument(text.body, references),
            heroMediaId:
              heroGallery?.coverMediaId ??
              media.heroPictureIds[index % media.heroPictureIds.length] ??
              null,
            heroGalleryId: heroGallery?.galleryId ?? null,
            sourceId: story.source ? (taxonomy.sources.get(story.source) ?? null) : null,
            isBreaking: story.isBreaking ?? false,
            breakingUntil: story.isBreaking
              ? new Date(now.getTime() + BREAKING_HOURS * HOUR_MS).toISOString()
              : null,
            isFeatured: story.isFeatured ?? false,
            pinnedPosition: story.pinnedPosition ?? null,
            publishedAt,
            // A story with a notice was revised after publication; the others were not.
            updatedAt: text.notices?.length ? noticeTime(publishedAt, now) : publishedAt,
            authorIds: story.authors
              .map((key) => taxonomy.authors.get(key))
              .filter((id) => id !== undefined),
            tagIds: story.tags
              .map((key) => taxonomy.tags.get(`${language}:${key}`))
              .filter((id) => id !== undefined),
            relatedArticleIds: (story.related ?? [])
              .map((key) => created.get(`${language}:${key}`)?.articleId)
              .filter((id) => id !== undefined),
            notices: text.notices?.map((notice) => ({
              ...notice,
              createdAt: noticeTime(publishedAt, now),
            })),
          },
          now,
        )
        const { slug } = await trx
          .selectFrom('articles')
          .select('slug')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
        const url = articlePath({ language, sectionSlug: section.slug[language], id, slug })
        created.set(`${language}:${story.key}`, { articleId: id, headline: text.headline, url })
        articles += 1
        await seedPageViews(trx, { articleId: id, daysAgo: story.daysAgo, seed: index, now })
      }
    }

    const liveSection = taxonomy.sections.get(DEMO_LIVE_STORY.section)
    if (!liveSection) throw new Error(`the demo live story names an unknown section`)
    articles += await loadDemoLiveStory(
      trx,
      {
        sectionId: liveSection.id,
        authorIds: DEMO_LIVE_STORY.authors.flatMap((key) => taxonomy.authors.get(key) ?? []),
        tagIds: (language) =>
          DEMO_LIVE_STORY.tags.flatMap((key) => taxonomy.tags.get(`${language}:${key}`) ?? []),
        heroMediaId: media.heroPictureIds[3] ?? null,
      },
      now,
    )

    for (const [position, page] of DEMO_PAGES.entries()) {
      for (const language of LANGUAGES) {
        await createPage(
          trx,
          {
            language,
            slug: page.slug[language],
            title: page.title[language],
            bodyDoc: { type: 'doc', content: page.paragraphs[language].map(paragraph) },
            status: 'published',
            translationGroup: `page-${page.key}`,
            isInFooter: page.isInFooter,
            position,
          },
          now,
        )
      }
    }
    // The demo writes rows directly, without the newsroom's events: index them all at once.
    await createSearchIndex({ db: trx, now: () => now }).rebuild()
    return {
      articles,
      sections: taxonomy.sections.size,
      tags: taxonomy.tags.size,
      pages: DEMO_PAGES.length * LANGUAGES.length,
    }
  })
}

/** A week of plausible daily reads for recent stories, so "most read" has something to rank. */
async function seedPageViews(
  db: Kysely<Database>,
  input: { articleId: number; daysAgo: number; seed: number; now: Date },
): Promise<void> {
  for (let day = 0; day < 7 && day <= input.daysAgo; day++) {
    const views = ((input.seed * 37 + day * 11) % 90) + (input.daysAgo < 3 ? 120 : 5)
    await recordPageViews(db, {
      articleId: input.articleId,
      day: dayOf(new Date(input.now.getTime() - day * 24 * HOUR_MS)),
      views,
    })
  }
}
