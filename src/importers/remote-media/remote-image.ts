import type {
  ArticleDocument,
  ImageNode,
} from '../../modules/articles/document/article-document.js'
import type { ImageSource } from '../../modules/articles/document/html-to-document.js'

/**
 * A body image whose file was not imported, kept at its remote URL; undefined for a source that
 * is no absolute http(s) URL (a path of the old site has nothing left to point at).
 */
export function remoteImage(image: ImageSource): ImageNode['attrs'] | undefined {
  if (!/^https?:\/\//i.test(image.src)) return undefined
  return {
    src: image.src,
    alt: image.alt,
    ...(image.caption && { caption: image.caption }),
    ...(image.credit && { credit: image.credit }),
  }
}

/** How many pictures of a document are remote (no media item), for the report. */
export function countRemoteImages(document: ArticleDocument): number {
  return document.content.filter((block) => block.type === 'image' && !block.attrs.mediaId).length
}
