import { Node, ReactNodeViewRenderer, type NodeViewProps } from '@tiptap/react'
import { useI18n } from '../../i18n/i18n-context.js'
import { BlockFrame } from './block-frame.js'

const PROVIDER_NAMES: Record<string, string> = {
  youtube: 'YouTube',
  vimeo: 'Vimeo',
  x: 'X',
  instagram: 'Instagram',
  facebook: 'Facebook',
  soundcloud: 'SoundCloud',
  tiktok: 'TikTok',
}

/**
 * An embedded post or video, shown as a plain placeholder: nothing is loaded from the provider
 * while writing, so the newsroom's browsing is not reported to it.
 */
export function EmbedBlockView({ node, selected, deleteNode }: NodeViewProps) {
  const { t } = useI18n()
  const provider = String(node.attrs['provider'] ?? '')
  const url = String(node.attrs['url'] ?? '')
  return (
    <BlockFrame kind="embed" label={t('blockEmbed')} isSelected={selected} onRemove={deleteNode}>
      <div className="embed-placeholder" contentEditable={false}>
        <span>{t('embedPlaceholder', { provider: PROVIDER_NAMES[provider] ?? provider })}</span>
        <span className="hint" dir="ltr">
          {url}
        </span>
      </div>
    </BlockFrame>
  )
}

/** The `embed` node of the article document. */
export const EmbedBlock = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes: () => ({ url: { default: null }, provider: { default: null } }),
  parseHTML: () => [],
  renderHTML: ({ node }) => ['div', { 'data-embed': String(node.attrs['provider']) }],
  addNodeView: () => ReactNodeViewRenderer(EmbedBlockView),
})
