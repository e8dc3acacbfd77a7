import type { BodyReferenceColumns } from '../../../db/database.js'
import type { ArticleDocument, BlockNode } from './article-document.js'

/** One thing a body shows that lives elsewhere, as its reference row holds it. */
export type DocumentReference = BodyReferenceColumns

function referenceOf(block: BlockNode): Omit<DocumentReference, 'position'> | undefined {
  const plain = { url: null, provider: null }
  switch (block.type) {
    case 'image':
      // A remote picture is no media item of the library: nothing to reference.
      return block.attrs.mediaId === undefined
        ? undefined
        : { kind: 'media', targetId: block.attrs.mediaId, ...plain }
    case 'gallery':
      return { kind: 'gallery', targetId: block.attrs.galleryId, ...plain }
    case 'relatedArticle':
      return { kind: 'article', targetId: block.attrs.articleId, ...plain }
    case 'embed':
      return { kind: 'embed', targetId: null, url: block.attrs.url, provider: block.attrs.provider }
    default:
      return undefined
  }
}

/**
 * What a document shows from elsewhere (images, galleries, related-story cards, embeds), in body
 * order, numbered from 0: the rows `article_references` and `page_references` keep for it. These
 * blocks stand only at the top level of a document (lists and quotes hold text), so the walk does
 * not descend; a block shown twice is two references.
 */
export function documentReferences(document: ArticleDocument): DocumentReference[] {
  return document.content
    .flatMap((block) => {
      const reference = referenceOf(block)
      return reference ? [reference] : []
    })
    .map((reference, position) => ({ ...reference, position }))
}

/** The distinct ids a document shows of one kind (media, gallery, article), in body order. */
export function referencedIds(
  references: readonly DocumentReference[],
  kind: Exclude<DocumentReference['kind'], 'embed'>,
): number[] {
  const ids = references.flatMap((reference) =>
    reference.kind === kind && reference.targetId !== null ? [reference.targetId] : [],
  )
  return [...new Set(ids)]
}
