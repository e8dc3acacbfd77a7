import StarterKit from '@tiptap/starter-kit'
import { articleBlocks } from './blocks/article-blocks.js'
import type { FileDropOptions } from './blocks/file-drop.js'
import { keptBlocks } from './kept-blocks.js'

/** The body editor's extensions: what an article document holds, nothing more. */
export function bodyExtensions(options: FileDropOptions = { onImageFiles: () => undefined }) {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3, 4] },
      // The article document's block quote holds paragraphs only: ArticleBlockquote.
      blockquote: false,
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      link: { openOnClick: false, autolink: true, defaultProtocol: 'https' },
    }),
    ...articleBlocks(options),
    ...keptBlocks(),
  ]
}
