import { Node, ReactNodeViewRenderer, type NodeViewProps } from '@tiptap/react'
import { useI18n } from '../../i18n/i18n-context.js'
import { BlockFrame } from './block-frame.js'

/** The address with its escaped letters shown as letters (Arabic slugs are percent-encoded). */
function readableUrl(url: string): string {
  try {
    return decodeURI(url)
  } catch {
    return url
  }
}

/** A card linking to another story: its headline, as the reader will see it. */
export function RelatedBlockView({ node, selected, deleteNode }: NodeViewProps) {
  const { t } = useI18n()
  const headline = String(node.attrs['headline'] ?? '')
  const url = String(node.attrs['url'] ?? '')
  return (
    <BlockFrame
      kind="related"
      label={t('blockRelated')}
      isSelected={selected}
      onRemove={deleteNode}
    >
      <div className="related-preview" contentEditable={false}>
        <strong dir="auto">{headline}</strong>
        <span className="hint" dir="ltr">
          {readableUrl(url)}
        </span>
      </div>
    </BlockFrame>
  )
}

/** The `relatedArticle` node of the article document. */
export const RelatedBlock = Node.create({
  name: 'relatedArticle',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes: () => ({
    articleId: { default: null },
    headline: { default: null },
    url: { default: null },
  }),
  parseHTML: () => [],
  renderHTML: ({ node }) => ['aside', { 'data-article-id': String(node.attrs['articleId']) }],
  addNodeView: () => ReactNodeViewRenderer(RelatedBlockView),
})
