import type {
  ArticleDocument,
  BlockNode,
} from '../src/modules/articles/document/article-document.js'
import { paragraph } from '../src/modules/articles/document/article-document.js'
import { renderDocumentHtml } from '../src/modules/articles/document/render-document.js'
import { excerptOf } from '../src/modules/articles/article-queries.js'
import { analyzeText } from '../src/modules/search/analyze-text.js'
import { slugify } from '../src/platform/slugify.js'
import type { ColumnSpec, RowSink } from './archive-sink.js'
import { ENGLISH_WORDS, ARABIC_WORDS, randomGenerator, sentence } from './search-corpus.js'

/** The slugs (English edition) a bench reads. */
export interface ArchiveNames {
  /** The busiest main section, the largest tag, the busiest author and source. */
  section: string
  hugeTag: string
  author: string
  source: string
}

const LANGUAGES = ['en', 'ar'] as const
type Language = (typeof LANGUAGES)[number]
const MAIN_SECTIONS = 8
const SUB_SECTIONS_EACH = 2
const SOURCES = 12
const HUGE_TAG_SHARES = [0.2, 0.06, 0.02]
const HUGE_TAG_NAMES: Record<Language, string[]> = {
  en: ['Politics', 'Economy', 'Climate'],
  ar: ['سياسة', 'اقتصاد', 'مناخ'],
}
const PARAGRAPH_POOL = 3000
const YEARS = 10
const DAY_MS = 86_400_000

const ts = 'timestamptz'
const SECTION_COLUMNS: ColumnSpec[] = [
  ['id', 'int'],
  ['parent_id', 'int'],
  ['position', 'int'],
  ['created_at', ts],
  ['updated_at', ts],
]
const SECTION_TRANSLATION_COLUMNS: ColumnSpec[] = [
  ['section_id', 'int'],
  ['language', 'text'],
  ['name', 'text'],
  ['slug', 'text'],
]
const TAG_COLUMNS: ColumnSpec[] = [
  ['id', 'int'],
  ['language', 'text'],
  ['name', 'text'],
  ['slug', 'text'],
  ['created_at', ts],
]
const AUTHOR_COLUMNS: ColumnSpec[] = [
  ['id', 'int'],
  ['slug', 'text'],
  ['name', 'jsonb'],
  ['bio', 'jsonb'],
  ['links', 'jsonb'],
  ['created_at', ts],
  ['updated_at', ts],
]
const SOURCE_COLUMNS: ColumnSpec[] = [
  ['id', 'int'],
  ['slug', 'text'],
  ['name', 'jsonb'],
  ['created_at', ts],
]
const MEDIA_COLUMNS: ColumnSpec[] = [
  ['id', 'int'],
  ['storage_key', 'text'],
  ['original_filename', 'text'],
  ['mime_type', 'text'],
  ['size_bytes', 'int'],
  ['width', 'int'],
  ['height', 'int'],
  ['alt', 'jsonb'],
  ['caption', 'jsonb'],
  ['created_at', ts],
]
const ARTICLE_COLUMNS: ColumnSpec[] = [
  ['id', 'int'],
  ['language', 'text'],
  ['translation_group', 'text'],
  ['section_id', 'int'],
  ['status', 'text'],
  ['type', 'text'],
  ['headline', 'text'],
  ['dek', 'text'],
  ['slug', 'text'],
  ['body_doc', 'jsonb'],
  ['body_html', 'text'],
  ['excerpt', 'text'],
  ['hero_media_id', 'int'],
  ['source_id', 'int'],
  ['is_breaking', 'int'],
  ['is_featured', 'int'],
  ['pinned_position', 'int'],
  ['seo', 'jsonb'],
  ['published_at', ts],
  ['created_at', ts],
  ['updated_at', ts],
]
/** The link tables carry the article's edition, status and time (see the listing migration). */
const LINK_COLUMNS = (target: string): ColumnSpec[] => [
  ['article_id', 'int'],
  [target, 'int'],
  ['position', 'int'],
  ['language', 'text'],
  ['status', 'text'],
  ['published_at', ts],
]
const AUTHOR_LINK_COLUMNS = LINK_COLUMNS('author_id')
const TAG_LINK_COLUMNS = LINK_COLUMNS('tag_id')
const REFERENCE_COLUMNS: ColumnSpec[] = [
  ['article_id', 'int'],
  ['position', 'int'],
  ['kind', 'text'],
  ['target_id', 'int'],
]
const SEARCH_COLUMNS: ColumnSpec[] = [
  ['article_id', 'int'],
  ['language', 'text'],
  ['status', 'text'],
  ['section_id', 'int'],
  ['source_id', 'int'],
  ['published_at', ts],
  ['dated_day', 'float8'],
  ['headline', 'text'],
  ['dek', 'text'],
  ['body', 'text'],
  ['keywords', 'text'],
]
const PAGE_VIEW_COLUMNS: ColumnSpec[] = [
  ['article_id', 'int'],
  ['day', 'text'],
  ['views', 'int'],
]

const analyzed = (...texts: string[]) => texts.map((text) => analyzeText(text).join(' ')).join(' ')

/** A value in [0, count) with a long tail: low values far more likely (log-uniform, like Zipf). */
function longTail(random: () => number, count: number): number {
  return Math.min(count - 1, Math.floor(Math.pow(count + 1, random())) - 1)
}

interface Entity {
  id: number
  keywords: string
}

/**
 * A realistic news archive of any size, written straight into the tables as the app writes them
 * (the same columns, JSON and timestamps, the link tables, the body's references and the search
 * documents), bypassing the services so that a million articles take minutes. Deterministic.
 *
 * Shape, for N articles, half per edition, ids rising with publication time over ten years:
 * - 8 main sections with 2 sub-sections each; a few sections take most stories;
 * - tags per edition: a long tail of N/50 (popularity falling like Zipf's law) and three huge
 *   ones on 20 %, 6 % and 2 % of the edition's articles (the first: 100,000 articles at 1M);
 * - N/1,000 authors (at least 40), one byline or two; 12 sources on a third of the articles;
 * - a hero photo on 70 % of articles, a photo in the body of a quarter;
 * - 1 % drafts, 0.3 % unpublished, 0.2 % published with a time still to come, 3 % featured, the
 *   newest three of each edition pinned and two breaking; six in ten stories in both editions.
 *
 * Writes an archive of `size` articles (and everything they point to) into `sink`.
 */
export async function generateArchive(
  size: number,
  sink: RowSink,
  now: Date,
): Promise<ArchiveNames> {
  const random = randomGenerator(2026)
  const created = new Date(now.getTime() - YEARS * 365 * DAY_MS).toISOString()

  const sectionsByMain: Record<Language, Entity>[][] = []
  let sectionId = 0
  for (let main = 0; main < MAIN_SECTIONS; main++) {
    const family: Record<Language, Entity>[] = []
    for (let sub = 0; sub <= SUB_SECTIONS_EACH; sub++) {
      sectionId += 1
      const parentId = sub === 0 ? null : (family[0]?.en.id ?? null)
      await sink.add('sections', SECTION_COLUMNS, [sectionId, parentId, sub, created, created])
      const names = { en: `Section ${main}.${sub}`, ar: `قسم ${main}.${sub}` }
      const entity = {} as Record<Language, Entity>
      for (const language of LANGUAGES) {
        const name = names[language]
        const slug = sub === 0 ? `section-${main}` : `section-${main}-${sub}`
        await sink.add('section_translations', SECTION_TRANSLATION_COLUMNS, [
          sectionId,
          language,
          name,
          language === 'en' ? slug : `قسم-${main}-${sub}`,
        ])
        entity[language] = { id: sectionId, keywords: analyzed(name) }
      }
      family.push(entity)
    }
    sectionsByMain.push(family)
  }

  const tailTags = Math.max(200, Math.round(size / 50))
  const tags = {} as Record<Language, Entity[]>
  let tagId = 0
  for (const language of LANGUAGES) {
    tags[language] = []
    const words = language === 'en' ? ENGLISH_WORDS : ARABIC_WORDS
    for (let index = 0; index < HUGE_TAG_SHARES.length + tailTags; index++) {
      tagId += 1
      const name =
        HUGE_TAG_NAMES[language][index] ?? `${words[index % words.length] ?? ''} ${index}`
      await sink.add('tags', TAG_COLUMNS, [tagId, language, name, slugify(name), created])
      tags[language].push({ id: tagId, keywords: analyzed(name) })
    }
  }

  const authors: Entity[] = []
  for (let id = 1; id <= Math.max(40, Math.round(size / 1000)); id++) {
    const name = { en: `Reporter ${id}`, ar: `مراسل ${id}` }
    await sink.add('authors', AUTHOR_COLUMNS, [
      id,
      `reporter-${id}`,
      JSON.stringify(name),
      '{}',
      '{}',
      created,
      created,
    ])
    authors.push({ id, keywords: analyzed(name.en, name.ar) })
  }
  const sources: Entity[] = []
  for (let id = 1; id <= SOURCES; id++) {
    const name = { en: `Agency ${id}`, ar: `وكالة ${id}` }
    await sink.add('sources', SOURCE_COLUMNS, [id, `agency-${id}`, JSON.stringify(name), created])
    sources.push({ id, keywords: analyzed(name.en, name.ar) })
  }

  const pool = {} as Record<Language, { text: string; terms: string }[]>
  for (const language of LANGUAGES)
    pool[language] = Array.from({ length: PARAGRAPH_POOL }, () => {
      const text = sentence(language, 40, random)
      return { text, terms: analyzed(text) }
    })

  const start = now.getTime() - YEARS * 365 * DAY_MS
  const span = YEARS * 365 * DAY_MS - 3_600_000
  let mediaId = 0
  for (let id = 1; id <= size; id++) {
    const language: Language = id % 2 === 1 ? 'en' : 'ar'
    const pair = Math.ceil(id / 2)
    const group = pair % 5 < 3 ? `archive-story-${pair}` : null
    const fate = random()
    const status =
      fate < 0.01 ? 'draft' : fate < 0.013 ? 'unpublished' : ('published' as 'published' | 'draft')
    const isFuture = fate >= 0.013 && fate < 0.015
    const time = new Date(start + Math.floor((id / size) * span)).toISOString()
    const publishedAt =
      status === 'draft'
        ? null
        : isFuture
          ? new Date(now.getTime() + (1 + random() * 6) * DAY_MS).toISOString()
          : time
    const family = sectionsByMain[longTail(random, MAIN_SECTIONS)] ?? []
    const section = (
      random() < 0.4 ? family[1 + Math.floor(random() * SUB_SECTIONS_EACH)] : family[0]
    )?.[language]
    const source = random() < 0.35 ? sources[longTail(random, SOURCES)] : undefined
    const articleTags = new Set<Entity>()
    HUGE_TAG_SHARES.forEach((share, index) => {
      const tag = tags[language][index]
      if (tag && random() < share) articleTags.add(tag)
    })
    for (let count = 1 + Math.floor(random() * 4); count > 0; count--) {
      const tag = tags[language][HUGE_TAG_SHARES.length + longTail(random, tailTags)]
      if (tag) articleTags.add(tag)
    }
    const bylines = new Set<Entity>()
    for (let count = random() < 0.85 ? 1 : 2; count > 0; count--) {
      const author = authors[longTail(random, authors.length)]
      if (author) bylines.add(author)
    }

    let heroMediaId: number | null = null
    if (random() < 0.7) {
      heroMediaId = mediaId += 1
      await sink.add('media', MEDIA_COLUMNS, [
        heroMediaId,
        `archive/${heroMediaId}.jpg`,
        `photo-${heroMediaId}.jpg`,
        'image/jpeg',
        180_000,
        1600,
        900,
        JSON.stringify({ [language]: `Photo ${heroMediaId}` }),
        '{}',
        time,
      ])
    }
    const paragraphs = [0, 1, 2].map(
      () => pool[language][Math.floor(random() * PARAGRAPH_POOL)] ?? { text: '', terms: '' },
    )
    const content: BlockNode[] = paragraphs.map(({ text }) => paragraph(text))
    const bodyImage = mediaId > 0 && random() < 0.25 ? 1 + Math.floor(random() * mediaId) : null
    if (bodyImage !== null)
      content.splice(1, 0, {
        type: 'image',
        attrs: { mediaId: bodyImage, src: `/media/archive/${bodyImage}.jpg`, alt: '' },
      })
    const doc: ArticleDocument = { type: 'doc', content }
    const headline = sentence(language, 8, random)
    const dek = sentence(language, 16, random)
    const sectionId = section?.id ?? 1

    await sink.add('articles', ARTICLE_COLUMNS, [
      id,
      language,
      group,
      sectionId,
      status,
      'report',
      headline,
      dek,
      slugify(headline) || 'article',
      JSON.stringify(doc),
      renderDocumentHtml(doc),
      excerptOf(doc),
      heroMediaId,
      source?.id ?? null,
      id > size - 4 ? 1 : 0,
      random() < 0.03 ? 1 : 0,
      id > size - 6 ? Math.ceil((size - id + 1) / 2) : null,
      '{}',
      publishedAt,
      time,
      time,
    ])
    const listed = [language, status, publishedAt]
    let position = 0
    for (const author of bylines)
      await sink.add('article_authors', AUTHOR_LINK_COLUMNS, [id, author.id, position++, ...listed])
    position = 0
    for (const tag of articleTags)
      await sink.add('article_tags', TAG_LINK_COLUMNS, [id, tag.id, position++, ...listed])
    if (bodyImage !== null)
      await sink.add('article_references', REFERENCE_COLUMNS, [id, 1, 'media', bodyImage])
    await sink.add('search_documents', SEARCH_COLUMNS, [
      id,
      language,
      status,
      sectionId,
      source?.id ?? null,
      publishedAt,
      Date.parse(publishedAt ?? time) / DAY_MS,
      analyzed(headline),
      analyzed(dek),
      paragraphs.map(({ terms }) => terms).join(' '),
      [
        section?.keywords,
        ...[...articleTags].map((tag) => tag.keywords),
        ...[...bylines].map((author) => author.keywords),
        source?.keywords,
      ]
        .filter(Boolean)
        .join(' '),
    ])
  }

  for (let day = 0; day < 7; day++) {
    const date = new Date(now.getTime() - day * DAY_MS).toISOString().slice(0, 10)
    for (let id = Math.max(1, size - 400); id <= size; id++)
      await sink.add('page_views', PAGE_VIEW_COLUMNS, [id, date, 1 + Math.floor(random() * 500)])
  }
  await sink.finish()

  return {
    section: 'section-0',
    hugeTag: slugify(HUGE_TAG_NAMES.en[0] ?? ''),
    author: 'reporter-1',
    source: 'agency-1',
  }
}
