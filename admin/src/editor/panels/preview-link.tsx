import { useState } from 'react'
import { api } from '../../api/client.js'
import type { Article } from '../../api/types.js'
import { useI18n } from '../../i18n/i18n-context.js'

/**
 * Makes a signed link to the public page as it will look, saving unsaved changes first, and
 * offers it to open or to send to someone (it works for a day without signing in).
 */
export function PreviewLink({
  article,
  isDirty,
  save,
}: {
  article: Article
  isDirty: boolean
  save: () => Promise<Article | undefined>
}) {
  const { t, formatDateTime } = useI18n()
  const [link, setLink] = useState<{ url: string; expiresAt: string } | undefined>()
  const [isBusy, setBusy] = useState(false)
  const [error, setError] = useState('')

  const make = async () => {
    setBusy(true)
    setError('')
    try {
      const saved = isDirty ? await save() : article
      if (!saved) return
      setLink(
        await api<{ url: string; expiresAt: string }>('POST', `articles/${saved.id}/preview-link`),
      )
    } catch {
      setError(t('errorGeneric'))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="preview-link">
      <button
        type="button"
        className="button secondary"
        disabled={isBusy}
        onClick={() => void make()}
      >
        {t('preview')}
      </button>
      {link && (
        <p className="preview-ready" role="status">
          <a href={link.url} target="_blank" rel="noopener">
            {t('openPreview')}
          </a>{' '}
          <span className="hint">
            {t('previewExpires', { time: formatDateTime(link.expiresAt) })}
          </span>
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
