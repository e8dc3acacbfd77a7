import { Node, wrappingInputRule } from '@tiptap/react'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    pullQuote: {
      /** Turns the current paragraph into a pull quote, or back. */
      togglePullQuote: () => ReturnType
    }
  }
}

/** A pull quote: one line of the story set large; Control+Alt+P. */
export const PullQuote = Node.create({
  name: 'pullQuote',
  group: 'block',
  content: 'inline*',
  defining: true,
  parseHTML: () => [{ tag: 'aside.pull-quote' }],
  renderHTML: () => ['aside', { class: 'pull-quote' }, 0],
  addCommands() {
    return {
      togglePullQuote:
        () =>
        ({ commands }) =>
          commands.toggleNode(this.name, 'paragraph'),
    }
  },
  addKeyboardShortcuts() {
    return { 'Mod-Alt-p': () => this.editor.commands.togglePullQuote() }
  },
})

/**
 * A block quote as the article document has it: paragraphs only, with who is quoted (StarterKit's
 * takes any block, which the server refuses). Control+Shift+B, or `>` at the start of a line.
 */
export const ArticleBlockquote = Node.create({
  name: 'blockquote',
  group: 'block',
  content: 'paragraph+',
  defining: true,
  addAttributes: () => ({ cite: { default: null } }),
  parseHTML: () => [{ tag: 'blockquote' }],
  renderHTML: () => ['blockquote', 0],
  addCommands() {
    return {
      setBlockquote:
        () =>
        ({ commands }) =>
          commands.wrapIn(this.name),
      toggleBlockquote:
        () =>
        ({ commands }) =>
          commands.toggleWrap(this.name),
      unsetBlockquote:
        () =>
        ({ commands }) =>
          commands.lift(this.name),
    }
  },
  addKeyboardShortcuts() {
    return { 'Mod-Shift-b': () => this.editor.commands.toggleBlockquote() }
  },
  addInputRules() {
    return [wrappingInputRule({ find: /^\s*>\s$/, type: this.type })]
  },
})
