import type { Editor } from '@tiptap/react'
import { useState } from 'react'
import { matchEmbed } from '../../../src/modules/articles/document/embed-providers.js'
import { createGallery, imageBlockAttrs, type MediaItem } from '../api/media.js'
import { useI18n } from '../i18n/i18n-context.js'
import { MediaPicker } from '../media/media-picker.js'
import { RelatedStoryDialog, type RelatedStory } from './blocks/related-story-dialog.js'

type Picking = 'image' | 'gallery' | 'related' | undefined

/** Buttons that insert the body's media blocks: photo, gallery, related story, embed. */
export function InsertBar({
  editor,
  language,
  onError,
}: {
  editor: Editor
  language: string
  onError: (message: string) => void
}) {
  const { t } = useI18n()
  const [picking, setPicking] = useState<Picking>()
  const insert = (type: string, attrs: Record<string, unknown>) => {
    setPicking(undefined)
    // After the selection: a block just inserted is selected, and must not be replaced.
    editor.chain().focus().insertContentAt(editor.state.selection.to, { type, attrs }).run()
  }
  const insertImage = ([item]: MediaItem[]) =>
    item && insert('image', imageBlockAttrs(item, language))
  const insertGallery = async (items: MediaItem[]) => {
    setPicking(undefined)
    try {
      const gallery = await createGallery(
        {},
        items.map((item) => ({ mediaId: item.id, caption: null, credit: null })),
      )
      insert('gallery', { galleryId: gallery.id })
    } catch {
      onError(t('gallerySaveFailed'))
    }
  }
  const insertEmbed = () => {
    const typed = prompt(t('embedPrompt'))
    if (typed === null || typed.trim() === '') return
    const match = matchEmbed(typed)
    if (match) insert('embed', { url: match.url, provider: match.provider })
    else onError(t('embedUnknown'))
  }
  const tool = (label: string, onClick: () => void) => (
    <button type="button" className="tool tool-wide" onClick={onClick}>
      {label}
    </button>
  )
  return (
    <div className="toolbar insert-bar" role="toolbar" aria-label={t('insertBlocks')}>
      {tool(t('insertImage'), () => setPicking('image'))}
      {tool(t('insertGallery'), () => setPicking('gallery'))}
      {tool(t('insertRelated'), () => setPicking('related'))}
      {tool(t('insertEmbed'), insertEmbed)}
      {picking === 'image' && (
        <MediaPicker onPick={insertImage} onClose={() => setPicking(undefined)} />
      )}
      {picking === 'gallery' && (
        <MediaPicker
          isMultiple
          onPick={(items) => void insertGallery(items)}
          onClose={() => setPicking(undefined)}
        />
      )}
      {picking === 'related' && (
        <RelatedStoryDialog
          language={language}
          onPick={(story: RelatedStory) => insert('relatedArticle', { ...story })}
          onClose={() => setPicking(undefined)}
        />
      )}
    </div>
  )
}
