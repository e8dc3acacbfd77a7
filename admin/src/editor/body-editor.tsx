import { EditorContent, useEditor, useEditorState } from '@tiptap/react'
import type { Editor, JSONContent } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { useEffect } from 'react'
import { useI18n } from '../i18n/i18n-context.js'
import { directionOf } from '../i18n/messages.js'
import { keptBlocks } from './kept-blocks.js'

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
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3, 4] },
        code: false,
        codeBlock: false,
        strike: false,
        underline: false,
        link: { openOnClick: false, autolink: true, defaultProtocol: 'https' },
      }),
      ...keptBlocks((key) => t(key)),
    ],
    content,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    onUpdate: ({ editor: current }) => onChange(current.getJSON(), current.getText()),
  })
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
      <EditorContent editor={editor} />
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
      {button(t('bulletList'), state.bulletList, () => chain().toggleBulletList().run(), '•')}
      {button(t('orderedList'), state.orderedList, () => chain().toggleOrderedList().run(), '1.')}
      {button(t('blockquote'), state.blockquote, () => chain().toggleBlockquote().run(), '❝')}
      {button(t('horizontalRule'), false, () => chain().setHorizontalRule().run(), '―')}
      <span className="tool-separator" />
      <button
        type="button"
        className="tool"
        aria-label={t('undo')}
        title={t('undo')}
        disabled={!state.canUndo}
        onClick={() => chain().undo().run()}
      >
        <span aria-hidden="true">↶</span>
      </button>
      <button
        type="button"
        className="tool"
        aria-label={t('redo')}
        title={t('redo')}
        disabled={!state.canRedo}
        onClick={() => chain().redo().run()}
      >
        <span aria-hidden="true">↷</span>
      </button>
    </div>
  )
}
