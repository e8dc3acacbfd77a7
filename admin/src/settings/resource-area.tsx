import { useCallback, useEffect, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import { ApiError, type ApiErrorItem } from '../api/api-error.js'
import { api } from '../api/client.js'
import { useI18n } from '../i18n/i18n-context.js'
import type { MessageKey } from '../i18n/messages.js'
import { ApiForm, errorsOfFailure, GeneralErrors } from './api-form.js'
import type { FieldSpec } from './form-fields.js'
import type { FormValues } from './form-values.js'

export interface Column<Item> {
  label: MessageKey
  cell: (item: Item) => ReactNode
}

/** Everything that differs between one list of things to manage and another. */
export interface ResourceDefinition<Item extends { id: number }> {
  /** Used in ids and class names: `sources`. */
  key: string
  /** The Admin API path of the list: `sources`; items are at `sources/{id}`. */
  path: string
  query?: Record<string, string>
  columns: Column<Item>[]
  /** How the item is named in buttons ("Edit Reuters") and questions. */
  nameOf: (item: Item) => string
  /** The inputs when adding (item undefined) or editing. */
  fields?: (item: Item | undefined) => FieldSpec[]
  valuesOf?: (item: Item | undefined) => FormValues
  bodyOf?: (values: FormValues, item: Item | undefined) => unknown
  addLabel?: MessageKey
  canAdd?: boolean
  canEdit?: boolean | ((item: Item) => boolean)
  canDelete?: boolean | ((item: Item) => boolean)
  /** "Delete" or, for tokens, "Revoke". */
  deleteLabel?: MessageKey
  /** A secret in the answer to an add, shown once (tokens, webhook signing secrets). */
  secretOf?: (created: unknown) => string | undefined
  /** Narrows the list as one types in a search box. */
  matches?: (item: Item, text: string) => boolean
  /** Extra buttons in a row (deliveries of a webhook); `done` announces a change and reloads. */
  rowActions?: (item: Item, done: (announcement: string) => Promise<void>) => ReactNode
  empty: MessageKey
}

const allows = <Item,>(rule: boolean | ((item: Item) => boolean) | undefined, item: Item) =>
  typeof rule === 'function' ? rule(item) : rule === true

/** A list of things with add, edit and delete, each within the user's rights. */
export function ResourceArea<Item extends { id: number }>({
  definition,
  toolbar,
}: {
  definition: ResourceDefinition<Item>
  /** Controls above the list (the language of the tags shown). */
  toolbar?: ReactNode
}) {
  const { t } = useI18n()
  const { key, path, query } = definition
  const [items, setItems] = useState<Item[] | undefined>()
  const [loadErrors, setLoadErrors] = useState<ApiErrorItem[]>([])
  const [rowErrors, setRowErrors] = useState<ApiErrorItem[]>([])
  const [editing, setEditing] = useState<Item | 'new' | undefined>()
  const [secret, setSecret] = useState<string | undefined>()
  const [announcement, setAnnouncement] = useState('')
  const [search, setSearch] = useState('')
  const queryKey = JSON.stringify(query ?? {})
  const formPanel = useRef<HTMLDivElement>(null)

  const reload = useCallback(async () => {
    try {
      const page = await api<{ items: Item[] }>('GET', path, {
        query: JSON.parse(queryKey) as Record<string, string>,
      })
      setItems(page.items)
      setLoadErrors([])
    } catch (caught) {
      setLoadErrors(errorsOfFailure(caught, []).general)
    }
  }, [path, queryKey])
  useEffect(() => {
    setItems(undefined)
    void reload()
  }, [reload])
  useEffect(() => {
    if (editing) formPanel.current?.querySelector<HTMLElement>('input, select, textarea')?.focus()
  }, [editing])

  const save = async (values: FormValues) => {
    const item = editing === 'new' ? undefined : editing
    const body = definition.bodyOf?.(values, item) ?? values
    const saved = item
      ? await api<unknown>('PATCH', `${path}/${item.id}`, { body })
      : await api<unknown>('POST', path, { body })
    setSecret(item ? undefined : definition.secretOf?.(saved))
    setEditing(undefined)
    setAnnouncement(t('savedItem'))
    await reload()
  }

  const remove = async (item: Item) => {
    const verb = t(definition.deleteLabel ?? 'delete')
    if (!confirm(t('confirmRemove', { action: verb, name: definition.nameOf(item) }))) return
    setRowErrors([])
    try {
      await api('DELETE', `${path}/${item.id}`)
      setAnnouncement(t('removedItem', { name: definition.nameOf(item) }))
      await reload()
    } catch (caught) {
      setRowErrors(caught instanceof ApiError ? caught.errors : errorsOfFailure(caught, []).general)
    }
  }

  const announceAndReload = async (text: string) => {
    setAnnouncement(text)
    await reload()
  }

  const shown =
    items && search && definition.matches
      ? items.filter((item) => definition.matches?.(item, search.trim().toLowerCase()))
      : items
  const editable = editing === 'new' ? undefined : editing
  const hasActions =
    definition.canEdit !== undefined || definition.canDelete !== undefined || definition.rowActions

  return (
    <div className={`resource-area resource-${key}`}>
      <div className="area-tools">
        {toolbar}
        {definition.matches && (
          <div className="area-search">
            <label htmlFor={`${key}-search`}>{t('filterList')}</label>
            <input
              id={`${key}-search`}
              type="search"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
            />
          </div>
        )}
        {definition.canAdd && definition.fields && editing !== 'new' && (
          <button type="button" className="button primary" onClick={() => setEditing('new')}>
            {t(definition.addLabel ?? 'add')}
          </button>
        )}
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {secret && (
        <div className="secret-once" role="region" aria-labelledby={`${key}-secret-label`}>
          <label id={`${key}-secret-label`} htmlFor={`${key}-secret`}>
            {t('secretOnce')}
          </label>
          <input
            id={`${key}-secret`}
            readOnly
            dir="ltr"
            value={secret}
            onFocus={(e) => e.target.select()}
          />
          <div className="form-actions">
            <button
              type="button"
              className="button secondary"
              onClick={() => void navigator.clipboard?.writeText(secret)}
            >
              {t('copy')}
            </button>
            <button type="button" className="button secondary" onClick={() => setSecret(undefined)}>
              {t('secretDone')}
            </button>
          </div>
        </div>
      )}
      {editing && definition.fields && (
        <div className="form-panel" ref={formPanel}>
          <ApiForm
            key={editable?.id ?? 'new'}
            formId={`${key}-form`}
            title={
              editable
                ? t('editItem', { name: definition.nameOf(editable) })
                : t(definition.addLabel ?? 'add')
            }
            fields={definition.fields(editable)}
            initialValues={definition.valuesOf?.(editable) ?? {}}
            submitLabel={t('save')}
            onSubmit={save}
            onCancel={() => setEditing(undefined)}
          />
        </div>
      )}
      <GeneralErrors errors={[...loadErrors, ...rowErrors]} />
      {!shown ? (
        loadErrors.length === 0 && (
          <p className="loading" role="status">
            {t('loading')}
          </p>
        )
      ) : shown.length === 0 ? (
        <p className="notice">{t(definition.empty)}</p>
      ) : (
        <div className="table-scroll">
          <table className="resource-table">
            <thead>
              <tr>
                {definition.columns.map((column) => (
                  <th key={column.label} scope="col">
                    {t(column.label)}
                  </th>
                ))}
                {hasActions && (
                  <th scope="col">
                    <span className="visually-hidden">{t('actions')}</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {shown.map((item) => (
                <tr key={item.id}>
                  {definition.columns.map((column) => (
                    <td key={column.label} data-label={t(column.label)}>
                      {column.cell(item)}
                    </td>
                  ))}
                  {hasActions && (
                    <td>
                      <div className="row-actions">
                        {definition.fields && allows(definition.canEdit, item) && (
                          <button
                            type="button"
                            className="button secondary"
                            aria-label={t('editItem', { name: definition.nameOf(item) })}
                            onClick={() => setEditing(item)}
                          >
                            {t('edit')}
                          </button>
                        )}
                        {definition.rowActions?.(item, announceAndReload)}
                        {allows(definition.canDelete, item) && (
                          <button
                            type="button"
                            className="button secondary danger"
                            aria-label={`${t(definition.deleteLabel ?? 'delete')} ${definition.nameOf(item)}`}
                            onClick={() => void remove(item)}
                          >
                            {t(definition.deleteLabel ?? 'delete')}
                          </button>
                        )}
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}
