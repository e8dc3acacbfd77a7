import { Field } from '../components/field.js'
import { useI18n } from '../i18n/i18n-context.js'
import { ARTICLE_TYPE_LABELS, ARTICLE_TYPES, type ArticleType } from './article-type.js'

/** The editor's choice of article type; choosing a live story says where it is run from. */
export function ArticleTypeField({
  value,
  isSaved,
  onChange,
}: {
  value: ArticleType
  /** Whether the article exists yet (its live desk opens once it does). */
  isSaved: boolean
  onChange: (type: ArticleType) => void
}) {
  const { t } = useI18n()
  const hint = value === 'live' ? (isSaved ? t('articleTypeHint') : t('liveSaveFirst')) : undefined
  return (
    <Field id="article-type" label={t('articleType')} hint={hint}>
      {(control) => (
        <select
          {...control}
          value={value}
          onChange={(event) => onChange(event.target.value as ArticleType)}
        >
          {ARTICLE_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(ARTICLE_TYPE_LABELS[type])}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}
