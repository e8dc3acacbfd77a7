import { Node } from '@tiptap/react'

/**
 * Tables, which this editor cannot edit yet, are carried through unchanged (their cells stay
 * editable as text), so that saving never drops them.
 */
export function keptBlocks() {
  return [
    Node.create({
      name: 'table',
      group: 'block',
      content: 'tableRow+',
      addAttributes: () => ({ caption: { default: null } }),
      parseHTML: () => [],
      renderHTML: () => ['table', { class: 'kept-table' }, ['tbody', 0]],
    }),
    Node.create({
      name: 'tableRow',
      content: '(tableHeader | tableCell)+',
      parseHTML: () => [],
      renderHTML: () => ['tr', 0],
    }),
    ...(['tableHeader', 'tableCell'] as const).map((name) =>
      Node.create({
        name,
        content: 'inline*',
        addAttributes: () => ({ colspan: { default: null }, rowspan: { default: null } }),
        parseHTML: () => [],
        renderHTML: () => [name === 'tableHeader' ? 'th' : 'td', 0],
      }),
    ),
  ]
}
