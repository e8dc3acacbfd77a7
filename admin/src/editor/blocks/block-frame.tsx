import { NodeViewWrapper } from '@tiptap/react'
import type { ReactNode } from 'react'
import { useI18n } from '../../i18n/i18n-context.js'

/**
 * The frame of a block in the body: its kind as a label, its content, and a button to remove it.
 * Not editable as text; ProseMirror moves and selects it as one piece.
 */
export function BlockFrame({
  kind,
  label,
  isSelected,
  onRemove,
  children,
}: {
  kind: string
  label: string
  isSelected: boolean
  onRemove: () => void
  children: ReactNode
}) {
  const { t } = useI18n()
  return (
    <NodeViewWrapper
      className={isSelected ? `media-block block-${kind} is-selected` : `media-block block-${kind}`}
      data-block={kind}
      role="group"
      aria-label={label}
    >
      <div className="media-block-bar" contentEditable={false}>
        <span className="media-block-kind" data-drag-handle="">
          {label}
        </span>
        <button type="button" className="button secondary small" onClick={onRemove}>
          {t('removeBlock')}
        </button>
      </div>
      {children}
    </NodeViewWrapper>
  )
}
