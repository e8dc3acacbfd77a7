import type { ArticleDocument, BlockNode } from '../modules/articles/document/article-document.js'
import { paragraph } from '../modules/articles/document/article-document.js'
import type { DemoBlock } from './demo-story.js'

/** What a demo body needs resolved from the database: linked stories and galleries. */
export interface DemoReferences {
  relatedCard(storyKey: string): { articleId: number; headline: string; url: string } | undefined
  galleryId(galleryKey: string): number | undefined
}

function toBlock(block: DemoBlock, references: DemoReferences): BlockNode | undefined {
  if (typeof block === 'string') return paragraph(block)
  if ('heading' in block)
    return {
      type: 'heading',
      attrs: { level: 2 },
      content: [{ type: 'text', text: block.heading }],
    }
  if ('quote' in block) {
    return {
      type: 'blockquote',
      attrs: block.cite ? { cite: block.cite } : {},
      content: [paragraph(block.quote)],
    }
  }
  if ('pullQuote' in block)
    return { type: 'pullQuote', content: [{ type: 'text', text: block.pullQuote }] }
  if ('list' in block) {
    return {
      type: 'bulletList',
      content: block.list.map((item) => ({ type: 'listItem', content: [paragraph(item)] })),
    }
  }
  if ('related' in block) {
    const card = references.relatedCard(block.related)
    return card && { type: 'relatedArticle', attrs: card }
  }
  const galleryId = references.galleryId(block.gallery)
  return galleryId === undefined ? undefined : { type: 'gallery', attrs: { galleryId } }
}

/** Turns compact demo blocks into an article document; links that cannot be resolved are left out. */
export function demoDocument(blocks: DemoBlock[], references: DemoReferences): ArticleDocument {
  return {
    type: 'doc',
    content: blocks
      .map((block) => toBlock(block, references))
      .filter((node): node is BlockNode => node !== undefined),
  }
}
