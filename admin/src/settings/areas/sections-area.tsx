import { useEffect, useRef, useState } from 'react'
import type { DragEvent } from 'react'
import type { ApiErrorItem } from '../../api/api-error.js'
import { api } from '../../api/client.js'
import { forgetSections, sectionName } from '../../api/sections.js'
import type { Section } from '../../api/types.js'
import { useI18n } from '../../i18n/i18n-context.js'
import { useNavigation } from '../../router.js'
import type { MessageKey } from '../../i18n/messages.js'
import { ApiForm, errorsOfFailure, GeneralErrors } from '../api-form.js'
import type { FieldSpec } from '../form-fields.js'
import { CONTENT_LANGUAGES, textOf, type FormValues } from '../form-values.js'
import {
  arrangementBody,
  depthOf,
  dropSection,
  isSameArrangement,
  moveSection,
  withNewSection,
  type DropPlace,
  type KeyboardMove,
} from '../section-tree.js'

const MOVES: { move: KeyboardMove; label: MessageKey; symbol: string }[] = [
  { move: 'up', label: 'moveUp', symbol: '↑' },
  { move: 'down', label: 'moveDown', symbol: '↓' },
  { move: 'outdent', label: 'moveOutdent', symbol: '⇤' },
  { move: 'indent', label: 'moveIndent', symbol: '⇥' },
]

/** Where on a row the pointer is: its top quarter drops before, its bottom quarter after. */
function dropPlaceAt(event: DragEvent<HTMLElement>): DropPlace {
  const box = event.currentTarget.getBoundingClientRect()
  const share = (event.clientY - box.top) / box.height
  return share < 0.25 ? 'before' : share > 0.75 ? 'after' : 'inside'
}

/** The form inputs of a section: a name and a slug per language, and for a new one its parent. */
function sectionFields(sections: Section[], language: string, isNew: boolean): FieldSpec[] {
  const perLanguage = CONTENT_LANGUAGES.flatMap((code): FieldSpec[] => [
    { name: `translations.${code}.name`, label: 'columnName', language: code },
    { name: `translations.${code}.slug`, label: 'slug', language: code, hint: 'slugHint' },
  ])
  if (!isNew) return perLanguage
  return [
    ...perLanguage,
    {
      name: 'parentId',
      label: 'fieldParent',
      kind: 'select',
      options: [
        { value: '', label: '—' },
        ...sections.map((section) => ({
          value: String(section.id),
          label: sectionName(section, language),
        })),
      ],
    },
  ]
}

function sectionValues(section: Section | undefined): FormValues {
  return Object.fromEntries(
    CONTENT_LANGUAGES.flatMap((code) => [
      [`translations.${code}.name`, section?.translations[code]?.name ?? ''],
      [`translations.${code}.slug`, section?.translations[code]?.slug ?? ''],
    ]),
  )
}

function sectionBody(values: FormValues, isNew: boolean, sections: Section[]) {
  const translations: Record<string, { name: string; slug: string }> = {}
  for (const code of CONTENT_LANGUAGES) {
    const name = textOf(values, `translations.${code}.name`)
    const slug = textOf(values, `translations.${code}.slug`)
    if (name || slug) translations[code] = { name, slug }
  }
  const parentId = textOf(values, 'parentId')
  if (!isNew) return { translations }
  const parent = parentId ? Number(parentId) : null
  // Last among its siblings, where withNewSection shows it.
  const position = sections.filter((section) => section.parentId === parent).length
  return { translations, parentId: parent, position }
}

/**
 * The section tree: drag a row to move it, or use each row's buttons (keyboard), then save the
 * new order in one request. Names and slugs per language are edited in a form above the tree.
 */
export function SectionsArea({ canWrite }: { canWrite: boolean }) {
  const { t, language } = useI18n()
  const [saved, setSaved] = useState<Section[] | undefined>()
  const [tree, setTree] = useState<Section[]>([])
  const [errors, setErrors] = useState<ApiErrorItem[]>([])
  const [announcement, setAnnouncement] = useState('')
  const [editing, setEditing] = useState<Section | 'new' | undefined>()
  const [dragged, setDragged] = useState<number | undefined>()
  const [dropHint, setDropHint] = useState<{ id: number; place: DropPlace } | undefined>()
  const [isSaving, setSaving] = useState(false)
  const refocus = useRef<string | undefined>(undefined)
  const { setLeaveGuard } = useNavigation()
  const isDirty = saved !== undefined && !isSameArrangement(saved, tree)
  useEffect(() => {
    if (!isDirty) return
    setLeaveGuard(t('leaveWarning'))
    return () => setLeaveGuard(undefined)
  }, [isDirty, setLeaveGuard, t])

  useEffect(() => {
    api<{ items: Section[] }>('GET', 'sections').then(
      (page) => {
        setSaved(page.items)
        setTree(page.items)
      },
      (caught: unknown) => setErrors(errorsOfFailure(caught, []).general),
    )
  }, [])
  useEffect(() => {
    if (!refocus.current) return
    document.getElementById(refocus.current)?.focus()
    refocus.current = undefined
  })

  if (!saved)
    return errors.length > 0 ? (
      <GeneralErrors errors={errors} />
    ) : (
      <p className="loading" role="status">
        {t('loading')}
      </p>
    )

  const nameOf = (section: Section) => sectionName(section, language)
  const describePlace = (next: Section[], id: number) => {
    const section = next.find((candidate) => candidate.id === id)
    if (!section) return ''
    const siblings = next.filter((candidate) => candidate.parentId === section.parentId)
    const parent = next.find((candidate) => candidate.id === section.parentId)
    return t(parent ? 'sectionPlaceUnder' : 'sectionPlaceTop', {
      name: nameOf(section),
      position: siblings.indexOf(section) + 1,
      count: siblings.length,
      parent: parent ? nameOf(parent) : '',
    })
  }
  const rearrange = (next: Section[] | undefined, id: number) => {
    if (!next) return
    setTree(next)
    setAnnouncement(describePlace(next, id))
  }
  const move = (section: Section, direction: KeyboardMove) => {
    const next = moveSection(tree, section.id, direction)
    if (!next) {
      setAnnouncement(t('sectionCannotMove', { name: nameOf(section) }))
      return
    }
    refocus.current = `section-${section.id}-${direction}`
    rearrange(next, section.id)
  }
  const saveOrder = async () => {
    setSaving(true)
    setErrors([])
    try {
      const page = await api<{ items: Section[] }>('PUT', 'sections/order', {
        body: arrangementBody(tree),
      })
      setSaved(page.items)
      setTree(page.items)
      forgetSections()
      setAnnouncement(t('orderSaved'))
    } catch (caught) {
      setErrors(errorsOfFailure(caught, []).general)
    } finally {
      setSaving(false)
    }
  }
  const saveSection = async (values: FormValues) => {
    const isNew = editing === 'new'
    const body = sectionBody(values, isNew, saved ?? [])
    const result = isNew
      ? await api<Section>('POST', 'sections', { body })
      : await api<Section>('PATCH', `sections/${(editing as Section).id}`, { body })
    const merge = (list: Section[]) =>
      isNew
        ? [...list, result]
        : list.map((section) =>
            section.id === result.id ? { ...section, translations: result.translations } : section,
          )
    // A new section joins the tree as the server placed it; renaming keeps unsaved moves.
    setSaved((list) => merge(list ?? []))
    setTree((list) => (isNew ? withNewSection(list, result) : merge(list)))
    forgetSections()
    setEditing(undefined)
    setAnnouncement(t('savedItem'))
  }

  const onDrop = (event: DragEvent<HTMLLIElement>, target: Section) => {
    event.preventDefault()
    const place = dropPlaceAt(event)
    if (dragged !== undefined) rearrange(dropSection(tree, dragged, target.id, place), dragged)
    setDragged(undefined)
    setDropHint(undefined)
  }

  return (
    <div className="sections-area">
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {canWrite && <p className="hint">{t('sectionsHelp')}</p>}
      <GeneralErrors errors={errors} />
      <div className="area-tools">
        {canWrite && (
          <>
            <button
              type="button"
              className="button primary"
              disabled={!isDirty || isSaving}
              onClick={() => void saveOrder()}
            >
              {isSaving ? t('saving') : t('saveOrder')}
            </button>
            {isDirty && (
              <button type="button" className="button secondary" onClick={() => setTree(saved)}>
                {t('undoOrder')}
              </button>
            )}
            {isDirty && <span className="dirty">{t('unsavedOrder')}</span>}
            {editing !== 'new' && (
              <button type="button" className="button secondary" onClick={() => setEditing('new')}>
                {t('addSection')}
              </button>
            )}
          </>
        )}
      </div>
      {editing && (
        <div className="form-panel">
          <ApiForm
            key={editing === 'new' ? 'new' : editing.id}
            formId="section-form"
            title={editing === 'new' ? t('addSection') : t('editItem', { name: nameOf(editing) })}
            fields={sectionFields(tree, language, editing === 'new')}
            initialValues={{
              ...sectionValues(editing === 'new' ? undefined : editing),
              parentId: '',
            }}
            submitLabel={t('save')}
            onSubmit={saveSection}
            onCancel={() => setEditing(undefined)}
          />
        </div>
      )}
      <ol className="section-tree" aria-label={t('areaSections')}>
        {tree.map((section) => {
          const depth = depthOf(tree, section.id)
          const hint = dropHint?.id === section.id ? ` drop-${dropHint.place}` : ''
          return (
            <li
              key={section.id}
              className={`section-row${dragged === section.id ? ' is-dragged' : ''}${hint}`}
              style={{ marginInlineStart: `${depth * 1.75}rem` }}
              draggable={canWrite}
              onDragStart={(event) => {
                event.dataTransfer.setData('text/plain', String(section.id))
                event.dataTransfer.effectAllowed = 'move'
                setDragged(section.id)
              }}
              onDragOver={(event) => {
                if (dragged === undefined) return
                event.preventDefault()
                setDropHint({ id: section.id, place: dropPlaceAt(event) })
              }}
              onDragLeave={() => setDropHint(undefined)}
              onDragEnd={() => {
                setDragged(undefined)
                setDropHint(undefined)
              }}
              onDrop={(event) => onDrop(event, section)}
            >
              {canWrite && (
                <span className="drag-handle" aria-hidden="true">
                  ⠿
                </span>
              )}
              <span className="section-label">
                <span className="section-name" dir="auto">
                  {nameOf(section)}
                </span>
                <span className="section-slugs">
                  {CONTENT_LANGUAGES.map((code) => (
                    <code key={code} lang={code} dir="auto">
                      {section.translations[code]?.slug ?? '—'}
                    </code>
                  ))}
                </span>
                {depth > 0 && (
                  <span className="visually-hidden">{t('sectionLevel', { level: depth + 1 })}</span>
                )}
              </span>
              {canWrite && (
                <span className="section-actions">
                  {MOVES.map(({ move: direction, label, symbol }) => (
                    <button
                      key={direction}
                      id={`section-${section.id}-${direction}`}
                      type="button"
                      className={`move-button move-${direction}`}
                      aria-label={t(label, { name: nameOf(section) })}
                      title={t(label, { name: nameOf(section) })}
                      aria-disabled={!moveSection(tree, section.id, direction) || undefined}
                      onClick={() => move(section, direction)}
                    >
                      <span aria-hidden="true">{symbol}</span>
                    </button>
                  ))}
                  <button
                    type="button"
                    className="button secondary"
                    aria-label={t('editItem', { name: nameOf(section) })}
                    onClick={() => setEditing(section)}
                  >
                    {t('edit')}
                  </button>
                </span>
              )}
            </li>
          )
        })}
      </ol>
    </div>
  )
}
