import { Node } from '@tiptap/react'
import type { MessageKey } from '../i18n/messages.js'

/**
 * Blocks this editor cannot edit yet (photos, galleries, story cards, embeds, tables, pull quotes)
 * are carried through unchanged, shown as labelled placeholders, so that saving never drops them.
 */
function atomBlock(
  name: string,
  attributes: readonly string[],
  label: (attrs: Record<string, unknown>) => string,
  hint: string,
) {
  return Node.create({
    name,
    group: 'block',
    atom: true,
    draggable: true,
    addAttributes: () =>
      Object.fromEntries(attributes.map((attribute) => [attribute, { default: null }])),
    parseHTML: () => [],
    renderHTML: ({ node }) => [
      'div',
      { class: 'kept-block', 'data-block': name, contenteditable: 'false', title: hint },
      label(node.attrs),
    ],
  })
}

const text = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : ''

/** The carried-through blocks, labelled in the interface language. */
export function keptBlocks(t: (key: MessageKey) => string) {
  return [
    atomBlock(
      'image',
      ['mediaId', 'src', 'alt', 'caption', 'credit', 'width', 'height'],
      (attrs) => `${t('blockImage')}: ${text(attrs.alt)}`,
      t('keptBlockHint'),
    ),
    atomBlock(
      'gallery',
      ['galleryId'],
      (attrs) => `${t('blockGallery')} #${text(attrs.galleryId)}`,
      t('keptBlockHint'),
    ),
    atomBlock(
      'relatedArticle',
      ['articleId', 'headline', 'url'],
      (attrs) => `${t('blockRelated')}: ${text(attrs.headline)}`,
      t('keptBlockHint'),
    ),
    atomBlock(
      'embed',
      ['url', 'provider'],
      (attrs) => `${t('blockEmbed')}: ${text(attrs.provider)} ${text(attrs.url)}`,
      t('keptBlockHint'),
    ),
    Node.create({
      name: 'pullQuote',
      group: 'block',
      content: 'inline*',
      parseHTML: () => [],
      renderHTML: () => ['aside', { class: 'pull-quote' }, 0],
    }),
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
