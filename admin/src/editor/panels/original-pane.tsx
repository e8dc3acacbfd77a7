import type { Article } from '../../api/types.js'
import { useI18n } from '../../i18n/i18n-context.js'
import { directionOf } from '../../i18n/messages.js'

const LANGUAGE_NAMES = { en: 'languageEn', ar: 'languageAr' } as const

/** The other-language version, read-only, beside the editor of its translation. */
export function OriginalPane({ article, onClose }: { article: Article; onClose: () => void }) {
  const { t } = useI18n()
  const languageName = t(
    LANGUAGE_NAMES[article.language as keyof typeof LANGUAGE_NAMES] ?? 'languageEn',
  )
  return (
    <section className="original-pane" aria-labelledby="original-title">
      <div className="original-top">
        <h2 id="original-title">{t('originalTitle', { language: languageName })}</h2>
        <button type="button" className="text-button" onClick={onClose}>
          {t('hideBeside')}
        </button>
      </div>
      <div dir={directionOf(article.language)} lang={article.language} className="original-text">
        <p className="original-headline">{article.headline}</p>
        {article.dek && <p className="original-dek">{article.dek}</p>}
        {/* The server sanitised this HTML against its allowlist when the article was saved. */}
        <div className="original-body" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
      </div>
    </section>
  )
}
