import type { Kysely } from 'kysely'
import type { Database } from '../../db/database.js'
import type { Article } from '../articles/article.js'
import { listTranslations } from '../articles/article-queries.js'
import { countWords } from '../articles/article-updates.js'
import { listAuthorsOfArticles } from '../authors/author-queries.js'
import { listSections } from '../sections/section-queries.js'
import { findSourcesByIds } from '../sources/source-queries.js'
import { listTagsOfArticles } from '../tags/tag-queries.js'
import { findEditLock, type EditLock } from './edit-locks.js'

/** An article as the Admin API answers it: its fields, what it links to, and where it lives. */
export interface ArticleView {
  id: number
  url: string
  language: string
  status: Article['status']
  type: Article['type']
  headline: string
  dek: string
  slug: string
  excerpt: string
  section: { id: number; slug: string; name: string }
  tags: { id: number; name: string; slug: string }[]
  authors: { id: number; slug: string; name: string }[]
  source: { id: number; slug: string; name: string } | null
  sourceUrl: string | null
  bodyDoc: Article['bodyDoc']
  bodyHtml: string
  wordCount: number
  heroMediaId: number | null
  heroGalleryId: number | null
  isBreaking: boolean
  breakingUntil: string | null
  isFeatured: boolean
  pinnedPosition: number | null
  seo: Article['seo']
  notices: Article['notices']
  translationGroup: string | null
  translations: { id: number; language: string; status: Article['status'] }[]
  publishedAt: string | null
  scheduledAt: string | null
  createdAt: string
  updatedAt: string
  version: number
  lock: EditLock | null
  /** A live story's coverage and its times; null for every other type. */
  coverageState: Article['coverageState']
  coverageStartedAt: string | null
  coverageEndedAt: string | null
}

/** Builds the API view of an article; `publicPath` comes from the article service. */
export async function toArticleView(
  db: Kysely<Database>,
  input: { article: Article; publicUrl: string; now: Date },
): Promise<ArticleView> {
  const { article } = input
  const [sections, tags, authors, sources, translations, lock] = await Promise.all([
    listSections(db),
    listTagsOfArticles(db, [article.id]),
    listAuthorsOfArticles(db, [article.id]),
    findSourcesByIds(db, article.sourceId === null ? [] : [article.sourceId]),
    listTranslations(db, article.id),
    findEditLock(db, article.id, input.now),
  ])
  const section = sections.find((candidate) => candidate.id === article.sectionId)
  const sectionText = section?.translations[article.language]
  const source = article.sourceId === null ? undefined : sources.get(article.sourceId)
  const nameIn = (text: Record<string, string>) =>
    text[article.language] ?? Object.values(text)[0] ?? ''
  return {
    id: article.id,
    url: input.publicUrl,
    language: article.language,
    status: article.status,
    type: article.type,
    headline: article.headline,
    dek: article.dek,
    slug: article.slug,
    excerpt: article.excerpt,
    section: {
      id: article.sectionId,
      slug: sectionText?.slug ?? '',
      name: sectionText?.name ?? '',
    },
    tags: (tags.get(article.id) ?? []).map(({ id, name, slug }) => ({ id, name, slug })),
    authors: (authors.get(article.id) ?? []).map((author) => ({
      id: author.id,
      slug: author.slug,
      name: nameIn(author.name),
    })),
    source: source ? { id: source.id, slug: source.slug, name: nameIn(source.name) } : null,
    sourceUrl: article.sourceUrl,
    bodyDoc: article.bodyDoc,
    bodyHtml: article.bodyHtml,
    wordCount: countWords(article.bodyDoc),
    heroMediaId: article.heroMediaId,
    heroGalleryId: article.heroGalleryId,
    isBreaking: article.isBreaking,
    breakingUntil: article.breakingUntil,
    isFeatured: article.isFeatured,
    pinnedPosition: article.pinnedPosition,
    seo: article.seo,
    notices: article.notices,
    translationGroup: article.translationGroup,
    translations: translations.map(({ id, language, status }) => ({ id, language, status })),
    publishedAt: article.publishedAt,
    scheduledAt: article.scheduledAt,
    createdAt: article.createdAt,
    updatedAt: article.updatedAt,
    version: article.version,
    lock: lock ?? null,
    coverageState: article.coverageState,
    coverageStartedAt: article.coverageStartedAt,
    coverageEndedAt: article.coverageEndedAt,
  }
}
