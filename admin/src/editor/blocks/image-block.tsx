import { Node, ReactNodeViewRenderer, type NodeViewProps } from '@tiptap/react'
import { useId } from 'react'
import { useI18n } from '../../i18n/i18n-context.js'
import { useArticleLanguage } from './article-language.js'
import { BlockFrame } from './block-frame.js'

const ATTRIBUTES = ['mediaId', 'src', 'alt', 'caption', 'credit', 'width', 'height'] as const

/** A photo of the library in the body, with its alt text and caption in the article's language. */
export function ImageBlockView({ node, selected, updateAttributes, deleteNode }: NodeViewProps) {
  const { t } = useI18n()
  const { lang, dir } = useArticleLanguage()
  const attrs = node.attrs as Record<(typeof ATTRIBUTES)[number], string | number | null>
  const id = useId()
  return (
    <BlockFrame kind="image" label={t('blockImage')} isSelected={selected} onRemove={deleteNode}>
      <figure contentEditable={false}>
        <img
          src={String(attrs.src ?? '')}
          alt={String(attrs.alt ?? '')}
          width={Number(attrs.width) || undefined}
          height={Number(attrs.height) || undefined}
        />
        <div className="media-block-fields">
          <label htmlFor={`${id}-alt`}>{t('imageAlt')}</label>
          <input
            id={`${id}-alt`}
            lang={lang}
            dir={dir}
            maxLength={1000}
            value={String(attrs.alt ?? '')}
            onChange={(event) => updateAttributes({ alt: event.target.value })}
          />
          <label htmlFor={`${id}-caption`}>{t('imageCaption')}</label>
          <input
            id={`${id}-caption`}
            lang={lang}
            dir={dir}
            maxLength={2000}
            value={String(attrs.caption ?? '')}
            onChange={(event) => updateAttributes({ caption: event.target.value || null })}
          />
        </div>
        {attrs.credit && (
          <figcaption className="hint" dir="auto">
            {String(attrs.credit)}
          </figcaption>
        )}
      </figure>
    </BlockFrame>
  )
}

/** The `image` node of the article document. */
export const ImageBlock = Node.create({
  name: 'image',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes: () => Object.fromEntries(ATTRIBUTES.map((name) => [name, { default: null }])),
  parseHTML: () => [],
  renderHTML: ({ node }) => ['figure', { 'data-media-id': String(node.attrs['mediaId']) }],
  addNodeView: () => ReactNodeViewRenderer(ImageBlockView),
})
