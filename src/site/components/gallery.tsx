import { h } from '../jsx/html.js'
import type { Frame, GalleryView } from '../view-models.js'
import { Picture } from './picture.js'

/** Two columns in the article column. */
const GALLERY_SIZES = '(min-width: 48rem) 23rem, 50vw'

/**
 * A photo gallery: without script a list of images linking to the full files; site.js turns it
 * into a full-screen dialog with the localized labels given here.
 */
export function Gallery(props: { frame: Frame; gallery: GalleryView; isEager?: boolean }) {
  const { frame, gallery } = props
  const titleId = `gallery-${gallery.id}-title`
  return (
    <section
      class="gallery"
      data-gallery
      aria-labelledby={titleId}
      data-label-close={frame.t('closeGallery')}
      data-label-previous={frame.t('previousPhoto')}
      data-label-next={frame.t('nextPhoto')}
      data-label-position={frame.t('photoPosition')}
    >
      <h2 id={titleId} class="gallery__title">
        <span class="gallery__kicker">{frame.t('photoGallery')}</span> {gallery.title}
      </h2>
      <ul class="gallery__list">
        {gallery.items.map((item, index) => (
          <li class="gallery__item">
            <figure>
              <a class="gallery__open" href={item.src} data-index={index}>
                <Picture
                  image={item}
                  sizes={GALLERY_SIZES}
                  isLead={props.isEager === true && index === 0}
                />
              </a>
              <figcaption>
                {item.caption ? <span class="gallery__caption">{item.caption}</span> : null}{' '}
                {item.credit ? (
                  <span class="gallery__credit">
                    {frame.t('photoCredit')} <bdi>{item.credit}</bdi>
                  </span>
                ) : null}
              </figcaption>
            </figure>
          </li>
        ))}
      </ul>
    </section>
  )
}
