import { useEffect, useState } from 'react'
import type { MappedErrors } from '../../api/field-errors.js'
import type { Source } from '../../api/types.js'
import { Field } from '../../components/field.js'
import { useI18n } from '../../i18n/i18n-context.js'
import { directionOf } from '../../i18n/messages.js'
import type { ArticleDetails, SeoDraft } from './article-details.js'
import { AuthorsPicker } from './authors-picker.js'
import './panels.css'
import { loadSources, localName } from './reference-lists.js'

/** The overrides typed as text (the share image is chosen elsewhere). */
type SeoText = Exclude<keyof SeoDraft, 'imageMediaId'>
const SEO_TEXTS: SeoText[] = ['title', 'description', 'socialTitle', 'socialDescription']

const SEO_LIMITS: Record<SeoText, number> = {
  title: 200,
  description: 400,
  socialTitle: 200,
  socialDescription: 400,
}
const SEO_LABELS = {
  title: 'seoTitle',
  description: 'seoDescription',
  socialTitle: 'socialTitle',
  socialDescription: 'socialDescription',
} as const

/** Bylines, source, placement on the home page, and the search and social overrides. */
export function DetailsPanel({
  details,
  language,
  headline,
  dek,
  errors,
  onChange,
}: {
  details: ArticleDetails
  language: string
  headline: string
  dek: string
  errors: MappedErrors['fields']
  onChange: (changes: Partial<ArticleDetails>) => void
}) {
  const { t } = useI18n()
  const [sources, setSources] = useState<Source[]>([])
  useEffect(() => {
    loadSources().then(setSources, () => undefined)
  }, [])
  const dir = directionOf(language)
  const seoField = (key: SeoText) => {
    const value = details.seo[key]
    const isTitle = key === 'title' || key === 'socialTitle'
    const fallback = isTitle
      ? (key === 'socialTitle' && details.seo.title) || headline
      : (key === 'socialDescription' && details.seo.description) || dek
    return (
      <Field
        key={key}
        id={`seo-${key}`}
        label={t(SEO_LABELS[key])}
        hint={t('seoCount', { count: value.length, limit: SEO_LIMITS[key] })}
        error={errors[`seo.${key}`]}
      >
        {(control) => {
          const props = {
            ...control,
            dir,
            lang: language,
            maxLength: SEO_LIMITS[key],
            value,
            placeholder: fallback,
            onChange: (event: { target: { value: string } }) =>
              onChange({ seo: { ...details.seo, [key]: event.target.value.replace(/\n/g, ' ') } }),
          }
          return isTitle ? <input {...props} /> : <textarea {...props} rows={3} />
        }}
      </Field>
    )
  }
  return (
    <div className="details-panel">
      <AuthorsPicker
        authorIds={details.authorIds}
        language={language}
        error={errors.authors}
        onChange={(authorIds) => onChange({ authorIds })}
      />
      <fieldset className="panel-group">
        <legend>{t('sourceGroup')}</legend>
        <Field id="source" label={t('source')} error={errors.source}>
          {(control) => (
            <select
              {...control}
              value={details.sourceId}
              onChange={(event) => onChange({ sourceId: event.target.value })}
            >
              <option value="">{t('noSource')}</option>
              {sources.map((source) => (
                <option key={source.id} value={source.id}>
                  {localName(source.name, language)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="source-url"
          label={t('sourceUrl')}
          hint={t('sourceUrlHint')}
          error={errors.sourceUrl}
        >
          {(control) => (
            <input
              {...control}
              type="url"
              dir="ltr"
              inputMode="url"
              maxLength={2000}
              placeholder="https://"
              value={details.sourceUrl}
              onChange={(event) => onChange({ sourceUrl: event.target.value })}
            />
          )}
        </Field>
      </fieldset>
      <fieldset className="panel-group">
        <legend>{t('placement')}</legend>
        <div className="check">
          <input
            id="is-breaking"
            type="checkbox"
            checked={details.isBreaking}
            onChange={(event) => onChange({ isBreaking: event.target.checked })}
          />
          <label htmlFor="is-breaking">{t('isBreaking')}</label>
        </div>
        <div className="check">
          <input
            id="is-featured"
            type="checkbox"
            checked={details.isFeatured}
            onChange={(event) => onChange({ isFeatured: event.target.checked })}
          />
          <label htmlFor="is-featured">{t('isFeatured')}</label>
        </div>
        <Field
          id="pinned-position"
          label={t('pinnedPosition')}
          hint={t('pinnedPositionHint')}
          error={errors.pinnedPosition}
        >
          {(control) => (
            <input
              {...control}
              type="number"
              min={1}
              max={20}
              step={1}
              inputMode="numeric"
              className="short-input"
              value={details.pinnedPosition}
              onChange={(event) => onChange({ pinnedPosition: event.target.value })}
            />
          )}
        </Field>
      </fieldset>
      <details
        className="panel-group seo-group"
        open={SEO_TEXTS.some((key) => errors[`seo.${key}`] !== undefined) || undefined}
      >
        <summary>{t('seoGroup')}</summary>
        <p className="hint">{t('seoHint')}</p>
        {SEO_TEXTS.map(seoField)}
      </details>
    </div>
  )
}
