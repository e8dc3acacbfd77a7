import { useState } from 'react'
import type { KeyboardEvent } from 'react'
import { useI18n } from '../i18n/i18n-context.js'
import { directionOf } from '../i18n/messages.js'
import { splitTags } from './workflow.js'

/** Tags as removable chips; typing a comma or pressing Enter adds what was typed. */
export function TagsInput({
  control,
  tags,
  language,
  onChange,
}: {
  control: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }
  tags: string[]
  language: string
  onChange: (tags: string[]) => void
}) {
  const { t } = useI18n()
  const [text, setText] = useState('')
  const add = (typed: string) => {
    const next = splitTags([...tags, typed].join(','))
    if (next.length !== tags.length) onChange(next)
    setText('')
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault()
      if (text.trim()) add(text)
    } else if (event.key === 'Backspace' && text === '' && tags.length > 0) {
      onChange(tags.slice(0, -1))
    }
  }
  return (
    <div className="tags-input">
      {tags.length > 0 && (
        <ul className="chips">
          {tags.map((tag) => (
            <li key={tag} className="chip" lang={language} dir={directionOf(language)}>
              <span>{tag}</span>
              <button
                type="button"
                aria-label={t('removeTag', { tag })}
                onClick={() => onChange(tags.filter((other) => other !== tag))}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        {...control}
        lang={language}
        dir={directionOf(language)}
        value={text}
        onChange={(event) => {
          const value = event.target.value
          if (/[,،]/.test(value)) add(value)
          else setText(value)
        }}
        onKeyDown={onKeyDown}
        onBlur={() => text.trim() && add(text)}
      />
    </div>
  )
}
