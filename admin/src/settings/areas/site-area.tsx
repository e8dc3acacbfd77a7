import { useEffect, useState } from 'react'
import type { ApiErrorItem } from '../../api/api-error.js'
import { api } from '../../api/client.js'
import type { SiteSettings } from '../../api/types.js'
import { useI18n } from '../../i18n/i18n-context.js'
import { ApiForm, errorsOfFailure, GeneralErrors } from '../api-form.js'
import { FormFields, perLanguage, type FieldSpec } from '../form-fields.js'
import {
  CONTENT_LANGUAGES,
  localizedOf,
  localizedValues,
  optionalIdOf,
  textOf,
  type FormValues,
} from '../form-values.js'

/** The social links as numbered inputs: `socialLinks.0.network`, `socialLinks.0.url`, … */
export function socialLinkValues(links: SiteSettings['socialLinks']): FormValues {
  return Object.fromEntries(
    links.flatMap((link, index) => [
      [`socialLinks.${index}.network`, link.network],
      [`socialLinks.${index}.url`, link.url],
    ]),
  )
}

export function socialLinkCount(values: FormValues): number {
  return Object.keys(values).filter((name) => /^socialLinks\.\d+\.url$/.test(name)).length
}

/** The filled-in social links; a row left wholly empty is dropped. */
export function socialLinksOf(values: FormValues): SiteSettings['socialLinks'] {
  return Array.from({ length: socialLinkCount(values) }, (_, index) => ({
    network: textOf(values, `socialLinks.${index}.network`),
    url: textOf(values, `socialLinks.${index}.url`),
  })).filter((link) => link.network || link.url)
}

/** The form values of the settings, and the settings of form values (what PATCH takes). */
export function siteSettingsValues(settings: SiteSettings): FormValues {
  return {
    ...localizedValues('siteName', settings.siteName),
    ...localizedValues('about', settings.about),
    ...localizedValues('footerText', settings.footerText),
    logoMediaId: settings.logoMediaId === null ? '' : String(settings.logoMediaId),
    'colors.accent': settings.colors.accent,
    defaultEdition: settings.defaultEdition,
    timeZone: settings.timeZone,
    digitsStyle: settings.digitsStyle,
    isFeedFullContent: settings.isFeedFullContent,
    ...socialLinkValues(settings.socialLinks),
  }
}

export function siteSettingsBody(values: FormValues): Partial<SiteSettings> {
  return {
    siteName: localizedOf(values, 'siteName'),
    about: localizedOf(values, 'about'),
    footerText: localizedOf(values, 'footerText'),
    logoMediaId: optionalIdOf(values, 'logoMediaId'),
    colors: { accent: textOf(values, 'colors.accent') },
    defaultEdition: textOf(values, 'defaultEdition'),
    timeZone: textOf(values, 'timeZone'),
    digitsStyle: textOf(values, 'digitsStyle') === 'arab' ? 'arab' : 'latn',
    isFeedFullContent: values.isFeedFullContent === true,
    socialLinks: socialLinksOf(values),
  }
}

const TIME_ZONES = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')]

/** Site-wide settings; editors may look, only admins may change them. */
export function SiteArea({ canWrite }: { canWrite: boolean }) {
  const { t } = useI18n()
  const [settings, setSettings] = useState<SiteSettings | undefined>()
  const [errors, setErrors] = useState<ApiErrorItem[]>([])
  const [saved, setSaved] = useState('')
  const [version, setVersion] = useState(0)
  useEffect(() => {
    api<SiteSettings>('GET', 'settings').then(setSettings, (caught: unknown) =>
      setErrors(errorsOfFailure(caught, []).general),
    )
  }, [])
  if (!settings)
    return errors.length > 0 ? (
      <GeneralErrors errors={errors} />
    ) : (
      <p className="loading" role="status">
        {t('loading')}
      </p>
    )

  const languageOptions = CONTENT_LANGUAGES.map((code) => ({
    value: code,
    label: t(code === 'ar' ? 'languageAr' : 'languageEn'),
  }))
  const fields: FieldSpec[] = [
    ...perLanguage('siteName', 'fieldSiteName'),
    ...perLanguage('about', 'fieldAbout', { kind: 'textarea' }),
    ...perLanguage('footerText', 'fieldFooterText'),
    {
      name: 'logoMediaId',
      label: 'fieldLogo',
      kind: 'image',
      image: { choose: 'fieldLogoChoose', none: 'fieldLogoNone' },
    },
    { name: 'colors.accent', label: 'fieldAccentColour', kind: 'color', hint: 'fieldAccentHint' },
    {
      name: 'defaultEdition',
      label: 'fieldDefaultEdition',
      kind: 'select',
      options: languageOptions,
    },
    {
      name: 'timeZone',
      label: 'fieldTimeZone',
      kind: 'select',
      options: TIME_ZONES.map((zone) => ({ value: zone, label: zone })),
    },
    {
      name: 'digitsStyle',
      label: 'fieldDigits',
      kind: 'select',
      options: [
        { value: 'latn', label: t('digitsWestern') },
        { value: 'arab', label: t('digitsArabic') },
      ],
    },
    { name: 'isFeedFullContent', label: 'fieldFullFeeds', kind: 'checkbox' },
  ]

  return (
    <>
      <p className="visually-hidden" role="status">
        {saved}
      </p>
      {!canWrite && <p className="notice">{t('readOnlySettings')}</p>}
      <ApiForm
        key={version}
        formId="site-settings"
        fields={fields}
        initialValues={siteSettingsValues(settings)}
        submitLabel={t('save')}
        disabled={!canWrite}
        onSubmit={async (values) => {
          setSaved('')
          const next = await api<SiteSettings>('PATCH', 'settings', {
            body: siteSettingsBody(values),
          })
          setSettings(next)
          setVersion((current) => current + 1)
          setSaved(t('savedItem'))
        }}
      >
        {({ values, errors: formErrors, setValue }) => {
          const count = socialLinkCount(values)
          const rowFields = (index: number): FieldSpec[] => [
            { name: `socialLinks.${index}.network`, label: 'fieldNetwork', isLatin: true },
            { name: `socialLinks.${index}.url`, label: 'fieldUrl', kind: 'url', isLatin: true },
          ]
          const removeRow = (index: number) => {
            const links = socialLinksOf(values).filter((_, at) => at !== index)
            for (let at = 0; at < count; at++) {
              setValue(`socialLinks.${at}.network`, links[at]?.network ?? '')
              setValue(`socialLinks.${at}.url`, links[at]?.url ?? '')
            }
          }
          return (
            <fieldset className="social-links">
              <legend>{t('fieldSocialLinks')}</legend>
              {Array.from({ length: count }, (_, index) => (
                <div className="social-link" key={index}>
                  <FormFields
                    formId="site-settings"
                    fields={rowFields(index)}
                    values={values}
                    errors={formErrors.fields}
                    disabled={!canWrite}
                    onChange={setValue}
                  />
                  {canWrite && (
                    <button
                      type="button"
                      className="button secondary"
                      aria-label={t('removeSocialLink', { number: index + 1 })}
                      onClick={() => removeRow(index)}
                    >
                      {t('remove')}
                    </button>
                  )}
                </div>
              ))}
              {canWrite && (
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => {
                    setValue(`socialLinks.${count}.network`, '')
                    setValue(`socialLinks.${count}.url`, '')
                  }}
                >
                  {t('addSocialLink')}
                </button>
              )}
            </fieldset>
          )
        }}
      </ApiForm>
    </>
  )
}
