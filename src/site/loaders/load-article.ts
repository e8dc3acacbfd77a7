import type { Article } from '../../modules/articles/article.js'
import {
  findArticleById,
  findLiveSummariesByIds,
  listRelatedArticles,
  listTranslations,
} from '../../modules/articles/article-queries.js'
import {
  documentReferences,
  referencedIds,
} from '../../modules/articles/document/document-references.js'
import {
  documentPlainText,
  renderDocumentHtml,
} from '../../modules/articles/document/render-document.js'
import { listAuthorsOfArticles } from '../../modules/authors/author-queries.js'
import { findGalleriesByIds } from '../../modules/media/gallery-queries.js'
import { findMediaByIds } from '../../modules/media/media-queries.js'
import { responsiveImage } from '../../modules/media/responsive-image.js'
import type { ResponsiveImage } from '../../platform/picture-markup.js'
import { sectionTrail } from '../../modules/sections/section-queries.js'
import { findSourcesByIds } from '../../modules/sources/source-queries.js'
import { listTagsOfArticles } from '../../modules/tags/tag-queries.js'
import { pickLocalized } from '../../platform/localized-text.js'
import { Gallery } from '../components/gallery.js'
import { RelatedCard } from '../components/related-card.js'
import { cacheTags } from '../../page-cache/cache-tags.js'
import { siteUrls } from '../site-urls.js'
import type { ArticleCard, ArticleView, GalleryView } from '../view-models.js'
import { articleUrl, loadCards, toImageView } from './load-cards.js'
import type { SiteContext } from './load-frame.js'
import { isLiveArticle } from '../../modules/articles/article-rules.js'
import { loadLiveCoverage } from './load-live-coverage.js'

const RELATED_LIMIT = 4
/** An edit within this long after publication is not announced as an update. */
const UPDATE_GRACE_MS = 10 * 60_000

/** What a request for an article id finds: the article, gone, or nothing. */
export type ArticleLookup =
  | { kind: 'found'; view: ArticleView; canonicalPath: string }
  | { kind: 'gone' }
  | { kind: 'missing' }

function isWebUrl(url: string | null): url is string {
  return url !== null && /^https?:\/\//i.test(url)
}

async function loadGalleries(
  context: SiteContext,
  ids: number[],
): Promise<Map<number, GalleryView>> {
  for (const id of ids) context.uses.add(cacheTags.gallery(id))
  const galleries = await findGalleriesByIds(context.db, ids)
  const media = await findMediaByIds(
    context.db,
    [...galleries.values()].flatMap((gallery) => gallery.items.map((item) => item.mediaId)),
  )
  const language = context.frame.language
  for (const id of media.keys()) context.uses.add(cacheTags.media(id))
  return new Map(
    [...galleries.values()].map((gallery) => [
      gallery.id,
      {
        id: gallery.id,
        title: pickLocalized(gallery.title, language),
        items: gallery.items.flatMap((item) => {
          const image = media.get(item.mediaId)
          if (!image) return []
          const view = toImageView(image, language)
          return [
            {
              ...view,
              caption: (item.caption && pickLocalized(item.caption, language)) || view.caption,
              credit: item.credit ?? view.credit,
            },
          ]
        }),
      },
    ]),
  )
}

/** The responsive files of the body's images that have them by now. */
async function loadBodyImages(
  context: SiteContext,
  ids: number[],
): Promise<Map<number, ResponsiveImage>> {
  const media = await findMediaByIds(context.db, ids)
  const images = new Map<number, ResponsiveImage>()
  for (const [id, item] of media) {
    context.uses.add(cacheTags.media(id))
    const image = responsiveImage(item.variants, 'full')
    if (image) images.set(id, image)
  }
  return images
}

/** The cards of the live stories a body shows, by article id. */
async function loadRelatedCards(
  context: SiteContext,
  ids: number[],
): Promise<Map<number, ArticleCard>> {
  const summaries = await findLiveSummariesByIds(context.db, ids, context.frame.now)
  const cards = await loadCards(context, [...summaries.values()])
  return new Map(cards.map((card) => [card.id, card]))
}

/**
 * Renders the body from its document, with the galleries and related-story cards it shows (one
 * query per kind, whatever their number) and `<picture>` sources for the images whose variants
 * exist by now. What it shows comes from the same derivation as its reference rows.
 */
async function composeBody(context: SiteContext, article: Article): Promise<string> {
  const references = documentReferences(article.bodyDoc)
  const [galleries, cards, images] = await Promise.all([
    loadGalleries(context, referencedIds(references, 'gallery')),
    loadRelatedCards(context, referencedIds(references, 'article')),
    loadBodyImages(context, referencedIds(references, 'media')),
  ])
  const { frame } = context
  return renderDocumentHtml(article.bodyDoc, {
    images,
    resolved: {
      galleries: mapValues(galleries, (gallery) => Gallery({ frame, gallery }).value),
      relatedCards: mapValues(cards, (card) => RelatedCard({ frame, card }).value),
    },
  })
}

function mapValues<T>(map: ReadonlyMap<number, T>, to: (value: T) => string): Map<number, string> {
  return new Map([...map].map(([id, value]) => [id, to(value)]))
}

/** Tags an article page with what it shows besides its cards: names, pictures, translations. */
function recordArticleUses(
  context: SiteContext,
  article: Article,
  shown: { authorIds: number[]; tagIds: number[] },
): void {
  const { uses } = context
  uses.add(cacheTags.article(article.id))
  if (article.translationGroup) uses.add(cacheTags.translations(article.translationGroup))
  if (article.sourceId !== null) uses.add(cacheTags.source(article.sourceId))
  if (article.heroMediaId !== null) uses.add(cacheTags.media(article.heroMediaId))
  for (const id of shown.authorIds) uses.add(cacheTags.author(id))
  for (const id of shown.tagIds) uses.add(cacheTags.tag(id))
}

/**
 * Loads a live article of the context's edition for its page, or says why there is none. A
 * preview (through a signed link) loads the article whatever its status. A live story shows the
 * `page` of its entries asked for; a page past its last is missing.
 */
export async function loadArticle(
  context: SiteContext,
  id: number,
  options: { isPreview?: boolean; page?: number } = {},
): Promise<ArticleLookup> {
  const { db, frame } = context
  const article = await findArticleById(db, id)
  if (!article || article.language !== frame.language) return { kind: 'missing' }
  if (!options.isPreview && article.status === 'unpublished') return { kind: 'gone' }
  if (!options.isPreview && !isLiveArticle(article, frame.now)) return { kind: 'missing' }

  const language = frame.language
  const path = articleUrl(context, article)
  const live =
    article.type === 'live'
      ? await loadLiveCoverage(context, article, path, options.page ?? 1)
      : undefined
  if (article.type === 'live' && !live) return { kind: 'missing' }
  const [authors, tags, sources, heroMedia, galleries, related, translations, bodyHtml] =
    await Promise.all([
      listAuthorsOfArticles(db, [id]),
      listTagsOfArticles(db, [id]),
      findSourcesByIds(db, article.sourceId === null ? [] : [article.sourceId]),
      findMediaByIds(db, article.heroMediaId === null ? [] : [article.heroMediaId]),
      loadGalleries(context, article.heroGalleryId === null ? [] : [article.heroGalleryId]),
      listRelatedArticles(db, { articleId: id, language, limit: RELATED_LIMIT }, frame.now),
      listTranslations(db, id),
      composeBody(context, article),
    ])
  const source = article.sourceId === null ? undefined : sources.get(article.sourceId)
  recordArticleUses(context, article, {
    authorIds: (authors.get(id) ?? []).map((author) => author.id),
    tagIds: (tags.get(id) ?? []).map((tag) => tag.id),
  })
  const sourceName = source ? pickLocalized(source.name, language) : ''
  const translation = translations.find((candidate) => isLiveArticle(candidate, frame.now))
  if (translation) context.uses.add(cacheTags.article(translation.id))
  const heroImage = article.heroMediaId === null ? undefined : heroMedia.get(article.heroMediaId)
  const publishedAt = article.publishedAt ?? article.createdAt
  return {
    kind: 'found',
    canonicalPath: path,
    view: {
      id,
      type: article.type,
      url: path,
      headline: article.headline,
      dek: article.dek,
      excerpt: article.excerpt,
      seo: {
        title: article.seo.title?.trim() ?? '',
        description: article.seo.description?.trim() ?? '',
        socialTitle: article.seo.socialTitle?.trim() ?? '',
        socialDescription: article.seo.socialDescription?.trim() ?? '',
      },
      trail: sectionTrail(context.sections, article.sectionId).map((section) => ({
        label: section.translations[language]?.name ?? '',
        url: siteUrls.section(language, section.translations[language]?.slug ?? ''),
      })),
      bylines: (authors.get(id) ?? []).map((author) => ({
        label: pickLocalized(author.name, language),
        url: siteUrls.author(language, author.slug),
      })),
      publishedAt,
      updatedAt:
        Date.parse(article.updatedAt) - Date.parse(publishedAt) > UPDATE_GRACE_MS
          ? article.updatedAt
          : undefined,
      heroImage: heroImage && toImageView(heroImage, language),
      heroGallery:
        article.heroGalleryId === null ? undefined : galleries.get(article.heroGalleryId),
      bodyHtml,
      wordCount: documentPlainText(article.bodyDoc).split(/\s+/).filter(Boolean).length,
      source: source && {
        label: sourceName,
        organization: sourceName,
        // Only web links leave the site; anything else (javascript:, data:) falls back to our page.
        url: isWebUrl(article.sourceUrl)
          ? article.sourceUrl
          : siteUrls.source(language, source.slug),
      },
      tags: (tags.get(id) ?? []).map((tag) => ({
        label: tag.name,
        url: siteUrls.tag(language, tag.slug),
      })),
      notices: article.notices.map((notice) => ({
        kind: notice.kind,
        text: notice.text,
        date: notice.createdAt,
      })),
      related: await loadCards(context, related),
      translation: translation && {
        language: translation.language,
        url: articleUrl(context, translation),
      },
      live,
    },
  }
}
