import { EditorContent, useEditor, useEditorState } from '@tiptap/react'
import type { Editor, JSONContent } from '@tiptap/react'
import { useEffect, useRef, useState } from 'react'
import { imageBlockAttrs, uploadMedia } from '../api/media.js'
import { useI18n } from '../i18n/i18n-context.js'
import { directionOf } from '../i18n/messages.js'
import { uploadErrorMessage } from '../media/upload-errors.js'
import { ArticleLanguageContext } from './blocks/article-language.js'
import { InsertBar } from './insert-bar.js'
import { bodyExtensions } from './body-extensions.js'
import '../media/media.css'

/** The body editor: TipTap limited to what an article document holds, in the article's direction. */
export function BodyEditor({
  content,
  language,
  labelId,
  describedBy,
  onChange,
}: {
  content: JSONContent
  language: string
  labelId: string
  describedBy?: string
  onChange: (doc: JSONContent, text: string) => void
}) {
  const { t } = useI18n()
  const [notice, setNotice] = useState<{ kind: 'info' | 'error'; text: string } | undefined>()
  // Dropped and pasted images upload and land where they were dropped, with the texts of the
  // article's language at the time they arrive.
  const dropped = useRef<(files: File[], position: number) => void>(() => undefined)
  const editor = useEditor({
    extensions: bodyExtensions({
      onImageFiles: (files, position) => dropped.current(files, position),
    }),
    content,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    onUpdate: ({ editor: current }) => onChange(current.getJSON(), current.getText()),
  })
  dropped.current = (files, position) => {
    void (async () => {
      let at = position
      for (const file of files) {
        setNotice({ kind: 'info', text: t('uploadingImage') })
        try {
          const item = await uploadMedia(file, () => undefined)
          editor.commands.insertContentAt(at, {
            type: 'image',
            attrs: imageBlockAttrs(item, language),
          })
          at = Math.min(at + 1, editor.state.doc.content.size)
          setNotice(undefined)
        } catch (error) {
          setNotice({ kind: 'error', text: uploadErrorMessage(error, file.name, t) })
        }
      }
    })()
  }
  // The direction follows the article's language, not the interface's.
  useEffect(() => {
    editor.setOptions({
      editorProps: {
        attributes: {
          class: 'body-text',
          dir: directionOf(language),
          lang: language,
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': labelId,
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        },
      },
    })
  }, [editor, language, labelId, describedBy])
  return (
    <div className="body-editor">
      <Toolbar editor={editor} />
      <InsertBar
        editor={editor}
        language={language}
        onError={(text) => setNotice({ kind: 'error', text })}
      />
      <div aria-live="polite">
        {notice && (
          <p className={notice.kind === 'error' ? 'field-error body-notice' : 'hint body-notice'}>
            {notice.text}
          </p>
        )}
      </div>
      <ArticleLanguageContext.Provider value={language}>
        <EditorContent editor={editor} />
      </ArticleLanguageContext.Provider>
    </div>
  )
}

function Toolbar({ editor }: { editor: Editor }) {
  const { t } = useI18n()
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      paragraph: current.isActive('paragraph'),
      h2: current.isActive('heading', { level: 2 }),
      h3: current.isActive('heading', { level: 3 }),
      h4: current.isActive('heading', { level: 4 }),
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      link: current.isActive('link'),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      blockquote: current.isActive('blockquote'),
      pullQuote: current.isActive('pullQuote'),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  })
  const chain = () => editor.chain().focus()
  const setLink = () => {
    const previous = (editor.getAttributes('link') as { href?: string }).href ?? ''
    const href = prompt(t('linkPrompt'), previous)
    if (href === null) return
    if (href.trim() === '') chain().extendMarkRange('link').unsetLink().run()
    else chain().extendMarkRange('link').setLink({ href: href.trim() }).run()
  }
  const button = (
    label: string,
    isActive: boolean,
    run: () => void,
    text: string,
    shortcut?: string,
  ) => (
    <button
      type="button"
      className={isActive ? 'tool is-active' : 'tool'}
      aria-pressed={isActive}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-keyshortcuts={shortcut}
      onClick={run}
    >
      <span aria-hidden="true">{text}</span>
      <span className="visually-hidden">{label}</span>
    </button>
  )
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar')}>
      {button(t('paragraph'), state.paragraph, () => chain().setParagraph().run(), '¶')}
      {([2, 3, 4] as const).map((level) => (
        <span key={level}>
          {button(
            t('heading', { level }),
            state[`h${level}`],
            () => chain().toggleHeading({ level }).run(),
            `H${level}`,
            `Control+Alt+${level}`,
          )}
        </span>
      ))}
      <span className="tool-separator" />
      {button(t('bold'), state.bold, () => chain().toggleBold().run(), 'B', 'Control+B')}
      {button(t('italic'), state.italic, () => chain().toggleItalic().run(), 'I', 'Control+I')}
      {button(t('link'), state.link, setLink, t('linkShort'))}
      <span className="tool-separator" />
      {button(
        t('bulletList'),
        state.bulletList,
        () => chain().toggleBulletList().run(),
        '•',
        'Control+Shift+8',
      )}
      {button(
        t('orderedList'),
        state.orderedList,
        () => chain().toggleOrderedList().run(),
        '1.',
        'Control+Shift+7',
      )}
      {button(
        t('blockquote'),
        state.blockquote,
        () => chain().toggleBlockquote().run(),
        '❝',
        'Control+Shift+B',
      )}
      {button(
        t('insertPullQuote'),
        state.pullQuote,
        () => chain().togglePullQuote().run(),
        '“”',
        'Control+Alt+P',
      )}
      {button(t('horizontalRule'), false, () => chain().setHorizontalRule().run(), '―')}
      <span className="tool-separator" />
      <button
        type="button"
        className="tool"
        aria-label={t('undo')}
        title={`${t('undo')} (Control+Z)`}
        aria-keyshortcuts="Control+Z"
        disabled={!state.canUndo}
        onClick={() => chain().undo().run()}
      >
        <span aria-hidden="true">↶</span>
      </button>
      <button
        type="button"
        className="tool"
        aria-label={t('redo')}
        title={`${t('redo')} (Control+Shift+Z)`}
        aria-keyshortcuts="Control+Shift+Z"
        disabled={!state.canRedo}
        onClick={() => chain().redo().run()}
      >
        <span aria-hidden="true">↷</span>
      </button>
    </div>
  )
}
