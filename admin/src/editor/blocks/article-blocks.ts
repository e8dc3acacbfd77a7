import { EmbedBlock } from './embed-block.js'
import { FileDrop, type FileDropOptions } from './file-drop.js'
import { GalleryBlock } from './gallery-block.js'
import { ImageBlock } from './image-block.js'
import { RelatedBlock } from './related-block.js'
import { ArticleBlockquote, PullQuote } from './text-blocks.js'

/** The article document's blocks beyond StarterKit's: media, story cards, embeds and quotes. */
export const ARTICLE_BLOCKS = [
  ImageBlock,
  GalleryBlock,
  RelatedBlock,
  EmbedBlock,
  PullQuote,
  ArticleBlockquote,
]

/** The blocks, with dropped and pasted image files handed to `onImageFiles`. */
export function articleBlocks(options: FileDropOptions) {
  return [...ARTICLE_BLOCKS, FileDrop.configure(options)]
}
