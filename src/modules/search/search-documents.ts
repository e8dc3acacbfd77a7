import type { Kysely } from 'kysely'
import type { Database, SearchDocumentsTable } from '../../db/database.js'
import { parseLocalized } from '../../platform/localized-text.js'
import type { ArticleDocument } from '../articles/document/article-document.js'
import { documentPlainText } from '../articles/document/render-document.js'
import { analyzeText } from './analyze-text.js'

const DAY_MS = 86_400_000

/** Analysed text: the terms of `text` joined by spaces, what the index stores and matches. */
function analyzed(...texts: string[]): string {
  return texts.map((text) => analyzeText(text).join(' ')).join(' ')
}

function group<T>(rows: T[], key: (row: T) => number, value: (row: T) => string) {
  const groups = new Map<number, string[]>()
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), value(row)])
  return groups
}

/**
 * The search documents of these articles, built with five queries whatever their number: the
 * articles, then their section, tag, author and source names. Missing ids are absent.
 */
export async function buildSearchDocuments(
  db: Kysely<Database>,
  articleIds: number[],
): Promise<SearchDocumentsTable[]> {
  if (articleIds.length === 0) return []
  const articles = await db
    .selectFrom('articles')
    .select([
      'id',
      'language',
      'status',
      'sectionId',
      'sourceId',
      'publishedAt',
      'updatedAt',
      'headline',
      'dek',
      'bodyDoc',
    ])
    .where('id', 'in', articleIds)
    .execute()
  if (articles.length === 0) return []
  const ids = articles.map((article) => article.id)
  const sectionIds = [...new Set(articles.map((article) => article.sectionId))]
  const sourceIds = [
    ...new Set(articles.map((article) => article.sourceId).filter((id) => id !== null)),
  ]
  const [sections, tags, authors, sources] = await Promise.all([
    db
      .selectFrom('sectionTranslations')
      .select(['sectionId', 'language', 'name'])
      .where('sectionId', 'in', sectionIds)
      .execute(),
    db
      .selectFrom('articleTags')
      .innerJoin('tags', 'tags.id', 'articleTags.tagId')
      .select(['articleTags.articleId', 'tags.name'])
      .where('articleTags.articleId', 'in', ids)
      .execute(),
    db
      .selectFrom('articleAuthors')
      .innerJoin('authors', 'authors.id', 'articleAuthors.authorId')
      .select(['articleAuthors.articleId', 'authors.name'])
      .where('articleAuthors.articleId', 'in', ids)
      .execute(),
    sourceIds.length
      ? db.selectFrom('sources').select(['id', 'name']).where('id', 'in', sourceIds).execute()
      : Promise.resolve([]),
  ])
  const tagNames = group(
    tags,
    (row) => row.articleId,
    (row) => row.name,
  )
  // A byline or an agency is found by its name in any language.
  const authorNames = group(
    authors,
    (row) => row.articleId,
    (row) => Object.values(parseLocalized(row.name)).join(' '),
  )
  const sourceNames = new Map(
    sources.map((row) => [row.id, Object.values(parseLocalized(row.name)).join(' ')]),
  )
  return articles.map((article) => {
    const sectionName = sections
      .filter((row) => row.sectionId === article.sectionId && row.language === article.language)
      .map((row) => row.name)
    const dated = article.publishedAt ?? article.updatedAt
    return {
      articleId: article.id,
      language: article.language,
      status: article.status,
      sectionId: article.sectionId,
      sourceId: article.sourceId,
      publishedAt: article.publishedAt,
      datedDay: Date.parse(dated) / DAY_MS,
      headline: analyzed(article.headline),
      dek: analyzed(article.dek),
      body: analyzed(documentPlainText(JSON.parse(article.bodyDoc) as ArticleDocument)),
      keywords: analyzed(
        ...sectionName,
        ...(tagNames.get(article.id) ?? []),
        ...(authorNames.get(article.id) ?? []),
        article.sourceId === null ? '' : (sourceNames.get(article.sourceId) ?? ''),
      ),
    }
  })
}
