import { useEffect, useId, useState } from 'react'
import type { FormEvent } from 'react'
import { api } from '../../api/client.js'
import { useI18n } from '../../i18n/i18n-context.js'
import type { Tag } from '../../api/types.js'

type TagChoice = Pick<Tag, 'id' | 'name'>

/**
 * "Merge into…" on a tag's row: pick another tag of its edition, confirm, and the tag's articles
 * move there, the tag is deleted and its page redirects to the kept one (the server does all).
 */
export function TagMerge({
  tag,
  onMerged,
}: {
  tag: TagChoice & { language: string }
  onMerged: (message: string) => Promise<void>
}) {
  const { t } = useI18n()
  const selectId = useId()
  const [others, setOthers] = useState<TagChoice[] | undefined>()
  const [into, setInto] = useState('')
  const [problem, setProblem] = useState('')

  useEffect(() => {
    if (!others) return
    setInto((current) => current || String(others[0]?.id ?? ''))
  }, [others])

  const open = async () => {
    setProblem('')
    try {
      const { items } = await api<{ items: TagChoice[] }>('GET', 'tags', {
        query: { language: tag.language },
      })
      setOthers(items.filter((other) => other.id !== tag.id))
    } catch {
      setProblem(t('errorGeneric'))
    }
  }

  const merge = async (event: FormEvent) => {
    event.preventDefault()
    const kept = others?.find((other) => String(other.id) === into)
    if (!kept) return
    if (!confirm(t('mergeTagQuestion', { name: tag.name, into: kept.name }))) return
    try {
      await api('POST', `tags/${tag.id}/merge`, { body: { into: kept.id } })
      setOthers(undefined)
      await onMerged(t('mergedTag', { name: tag.name, into: kept.name }))
    } catch {
      // The choices are this edition's other tags; a failure is one of them gone meanwhile.
      setProblem(t('errorGeneric'))
    }
  }

  if (!others) {
    return (
      <>
        <button
          type="button"
          className="button secondary"
          aria-label={t('mergeTagOf', { name: tag.name })}
          onClick={() => void open()}
        >
          {t('mergeTag')}
        </button>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
      </>
    )
  }
  return (
    <form className="tag-merge" onSubmit={(event) => void merge(event)}>
      <label htmlFor={selectId}>{t('mergeTagInto', { name: tag.name })}</label>
      {others.length === 0 ? (
        <p className="hint">{t('mergeTagNoOther')}</p>
      ) : (
        <select id={selectId} value={into} onChange={(event) => setInto(event.target.value)}>
          {others.map((other) => (
            <option key={other.id} value={other.id}>
              {other.name}
            </option>
          ))}
        </select>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="row-actions">
        {others.length > 0 && (
          <button type="submit" className="button primary">
            {t('merge')}
          </button>
        )}
        <button type="button" className="button secondary" onClick={() => setOthers(undefined)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  )
}
