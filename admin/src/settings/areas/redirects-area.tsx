import { useI18n } from '../../i18n/i18n-context.js'
import { textOf } from '../form-values.js'
import { ResourceArea, type ResourceDefinition } from '../resource-area.js'
import type { Redirect } from '../../api/types.js'

/** Old paths that send readers elsewhere; adding one for an existing path repoints it. */
export function RedirectsArea() {
  const { t } = useI18n()
  const definition: ResourceDefinition<Redirect> = {
    key: 'redirects',
    path: 'redirects',
    empty: 'noRedirects',
    addLabel: 'addRedirect',
    nameOf: (redirect) => redirect.fromPath,
    columns: [
      { label: 'fieldFromPath', cell: (redirect) => <code dir="ltr">{redirect.fromPath}</code> },
      { label: 'fieldToPath', cell: (redirect) => <code dir="ltr">{redirect.toPath}</code> },
      { label: 'fieldStatusCode', cell: (redirect) => redirect.statusCode },
    ],
    matches: (redirect, text) =>
      redirect.fromPath.toLowerCase().includes(text) ||
      redirect.toPath.toLowerCase().includes(text),
    canAdd: true,
    canDelete: true,
    fields: () => [
      { name: 'fromPath', label: 'fieldFromPath', hint: 'fieldFromPathHint', isLatin: true },
      { name: 'toPath', label: 'fieldToPath', hint: 'fieldToPathHint', isLatin: true },
      {
        name: 'statusCode',
        label: 'fieldStatusCode',
        kind: 'select',
        options: [
          { value: '301', label: t('redirectPermanent') },
          { value: '302', label: t('redirectTemporary') },
        ],
      },
    ],
    valuesOf: () => ({ fromPath: '', toPath: '', statusCode: '301' }),
    bodyOf: (values) => ({
      fromPath: textOf(values, 'fromPath'),
      toPath: textOf(values, 'toPath'),
      statusCode: Number(textOf(values, 'statusCode')),
    }),
  }
  return <ResourceArea definition={definition} />
}
