import { Node, ReactNodeViewRenderer, type NodeViewProps } from '@tiptap/react'
import { useEffect, useState } from 'react'
import {
  getGallery,
  getMedia,
  thumbnailOf,
  updateGalleryItems,
  type Gallery,
  type MediaItem,
} from '../../api/media.js'
import { useI18n } from '../../i18n/i18n-context.js'
import { MediaPicker } from '../../media/media-picker.js'
import { BlockFrame } from './block-frame.js'

/** The gallery's images in order, fetched one by one (a gallery holds a handful). */
async function loadGalleryImages(
  galleryId: number,
): Promise<{ gallery: Gallery; images: MediaItem[] }> {
  const gallery = await getGallery(galleryId)
  const images = await Promise.all(gallery.items.map((item) => getMedia(item.mediaId)))
  return { gallery, images }
}

/** A gallery of the galleries API in the body: its thumbnails, and a way to change its images. */
export function GalleryBlockView({ node, selected, deleteNode }: NodeViewProps) {
  const { t, language } = useI18n()
  const galleryId = Number(node.attrs['galleryId'])
  const [loaded, setLoaded] = useState<{ gallery: Gallery; images: MediaItem[] } | undefined>()
  const [error, setError] = useState('')
  const [isPicking, setPicking] = useState(false)
  useEffect(() => {
    loadGalleryImages(galleryId).then(setLoaded, () =>
      setError(t('galleryLoadFailed', { id: galleryId })),
    )
  }, [galleryId, t])

  const change = async (images: MediaItem[]) => {
    setPicking(false)
    const kept = new Map(loaded?.gallery.items.map((item) => [item.mediaId, item]))
    try {
      const gallery = await updateGalleryItems(
        galleryId,
        images.map((image) => ({
          mediaId: image.id,
          caption: kept.get(image.id)?.caption ?? null,
          credit: kept.get(image.id)?.credit ?? null,
        })),
      )
      setLoaded({ gallery, images })
      setError('')
    } catch {
      setError(t('gallerySaveFailed'))
    }
  }
  const count = loaded?.images.length ?? 0
  return (
    <BlockFrame
      kind="gallery"
      label={t('blockGallery')}
      isSelected={selected}
      onRemove={deleteNode}
    >
      <div contentEditable={false}>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        {loaded && (
          <>
            <p className="hint">{t('galleryImages', { count })}</p>
            <ul className="gallery-strip">
              {loaded.images.map((image) => (
                <li key={image.id}>
                  <img
                    src={thumbnailOf(image)}
                    alt={image.alt[language] ?? ''}
                    width={image.width}
                    height={image.height}
                  />
                </li>
              ))}
            </ul>
          </>
        )}
        <button type="button" className="button secondary" onClick={() => setPicking(true)}>
          {t('galleryEdit')}
        </button>
        {isPicking && (
          <MediaPicker
            isMultiple
            initial={loaded?.images ?? []}
            onPick={(images) => void change(images)}
            onClose={() => setPicking(false)}
          />
        )}
      </div>
    </BlockFrame>
  )
}

/** The `gallery` node of the article document: a reference to a gallery by id. */
export const GalleryBlock = Node.create({
  name: 'gallery',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes: () => ({ galleryId: { default: null } }),
  parseHTML: () => [],
  renderHTML: ({ node }) => ['div', { 'data-gallery-id': String(node.attrs['galleryId']) }],
  addNodeView: () => ReactNodeViewRenderer(GalleryBlockView),
})
