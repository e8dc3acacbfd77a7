import { useI18n } from '../i18n/i18n-context.js'
import { ImageChoiceField } from '../media/image-choice-field.js'

/** The article's main image: a thumbnail of the chosen one, and buttons to choose or remove it. */
export function HeroImageField({
  mediaId,
  language,
  onChange,
}: {
  mediaId: number | null
  language: string
  onChange: (mediaId: number | null) => void
}) {
  const { t } = useI18n()
  return (
    <ImageChoiceField
      className="hero-image"
      legend={t('heroImage')}
      chooseLabel={t('heroChoose')}
      noneText={t('heroNone')}
      mediaId={mediaId}
      language={language}
      onChange={onChange}
    />
  )
}
