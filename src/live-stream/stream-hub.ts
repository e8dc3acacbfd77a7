import type { ServerResponse } from 'node:http'
import type { Kysely } from 'kysely'
import type { Database } from '../db/database.js'
import { findLiveSummariesByIds } from '../modules/articles/article-queries.js'
import { listLiveEntries } from '../modules/live/live-entry-queries.js'
import type { ContentEntity, DeliveredEvent } from '../platform/events.js'
import type { EventOutbox } from '../platform/outbox/event-outbox.js'
import type { FrameOf } from './edition-frames.js'
import { renderEntryChanges, type EntryChange } from './entry-changes.js'
import { readEntryReplay } from './entry-replay.queries.js'
import { createReaderStream, type ReaderStream, type StreamTopic } from './reader-stream.js'
import { formatEvent, formatRetry, HEARTBEAT } from './server-sent-events.js'

/** Between two comment lines on an idle stream: under the 30–60 s idle limits of proxies. */
export const HEARTBEAT_MS = 20_000
/** What the browser waits before connecting again after a drop. */
export const RETRY_MS = 2_000
/** Entries a new stream sends that the page it was opened from did not have yet. */
const CATCH_UP_ENTRIES = 50
/** Changes of these can change an edition's breaking items (a headline, a flag, a section's URL). */
const BREAKING_SOURCES: ReadonlySet<ContentEntity> = new Set(['article', 'section', 'settings'])

/** What a reader's browser sends when it opens (or reopens) a stream. */
export interface StreamRequest extends StreamTopic {
  /** The outbox id of the last event the reader got (`Last-Event-ID`), when it resumes. */
  lastEventId?: number
  /** The newest entry the reader's page shows, when it opens the stream for the first time. */
  afterEntryId?: number
}

/** This process's open reader streams, fed by one listener on the outbox. */
export interface StreamHub {
  /** Serves a stream on a response already answered 200 with text/event-stream. */
  open(response: ServerResponse, request: StreamRequest): Promise<void>
  /** How many streams are open in this process. */
  count(): number
  /** Ends every stream; browsers connect again, to this process or another. */
  close(): void
}

const entryEvent = (change: EntryChange, eventId?: number) =>
  formatEvent({ id: eventId, type: 'entry', data: change })
const breakingEvent = (items: unknown, eventId?: number) =>
  formatEvent({ id: eventId, type: 'breaking', data: { items } })

/**
 * One per process, like its page cache: hears each committed event once, renders a changed entry
 * once and writes the same bytes to every stream of the story (no query per reader), and sends an
 * edition's breaking items when they change. Its work runs behind the writer's answer, in the
 * outbox's order. Streams carry outbox ids, so a reader that resumes on any process replays
 * exactly what it missed.
 */
export function createStreamHub(deps: {
  db: Kysely<Database>
  outbox: Pick<EventOutbox, 'subscribe' | 'position'>
  frameOf: FrameOf
  now: () => Date
  heartbeatMs?: number
  onError: (error: unknown) => void
}): StreamHub {
  const { db, frameOf } = deps
  const stories = new Map<number, Set<ReaderStream>>()
  const editions = new Map<string, Set<ReaderStream>>()
  const breakingSent = new Map<string, string>()
  let position = deps.outbox.position()
  let work = Promise.resolve()

  const add = <K>(map: Map<K, Set<ReaderStream>>, key: K, stream: ReaderStream) => {
    const streams = map.get(key) ?? new Set()
    map.set(key, streams.add(stream))
  }
  const remove = <K>(map: Map<K, Set<ReaderStream>>, key: K, stream: ReaderStream) => {
    const streams = map.get(key)
    streams?.delete(stream)
    if (streams?.size === 0) map.delete(key)
  }
  const forget = (stream: ReaderStream) => {
    remove(editions, stream.language, stream)
    if (stream.articleId !== undefined) remove(stories, stream.articleId, stream)
  }

  /** The story's language if it is a published live story now; drafts never stream. */
  async function publicStoryLanguage(articleId: number): Promise<string | undefined> {
    const story = (await findLiveSummariesByIds(db, [articleId], deps.now())).get(articleId)
    return story?.type === 'live' ? story.language : undefined
  }

  async function sendEntry(event: DeliveredEvent): Promise<void> {
    const articleId = Number(event.previous?.['articleId'])
    const readers = stories.get(articleId)
    if (!readers) return
    const language = await publicStoryLanguage(articleId)
    const frame = language === undefined ? undefined : await frameOf(language)
    if (!frame) return endStory(articleId)
    const [change] = await renderEntryChanges(db, frame, [event])
    if (!change) return
    // Encoded once: the same bytes go to every reader.
    const bytes = Buffer.from(entryEvent(change, event.eventId))
    for (const stream of readers) stream.send(bytes, event.eventId)
  }

  /** Ends the streams of a story no longer public; their browsers reconnect and are refused. */
  function endStory(articleId: number): void {
    for (const stream of stories.get(articleId) ?? []) stream.end()
  }

  async function sendBreakingChanges(eventId: number | undefined): Promise<void> {
    for (const [language, readers] of editions) {
      const items = (await frameOf(language))?.breaking ?? []
      const shown = JSON.stringify(items)
      if (breakingSent.get(language) === shown) continue
      breakingSent.set(language, shown)
      const bytes = Buffer.from(breakingEvent(items, eventId))
      for (const stream of readers) stream.send(bytes, eventId)
    }
  }

  async function handle(event: DeliveredEvent): Promise<void> {
    if (event.entity === 'live_entry') await sendEntry(event)
    if (event.entity === 'article' && stories.has(event.id)) {
      if ((await publicStoryLanguage(event.id)) === undefined) endStory(event.id)
    }
    if (BREAKING_SOURCES.has(event.entity) && editions.size > 0)
      await sendBreakingChanges(event.eventId)
  }

  /** Queues work behind what is under way, so readers get events in the outbox's order. */
  function enqueue(task: () => Promise<void>): void {
    work = work.then(task).catch(deps.onError)
  }

  const unsubscribe = deps.outbox.subscribe((event) => {
    enqueue(async () => {
      await handle(event)
      position = event.eventId
    })
  })

  // One timer for every stream: a comment line each, and a look at the breaking items, which
  // also change by themselves when a story's breaking time runs out.
  const comment = Buffer.from(HEARTBEAT)
  const heartbeat = setInterval(() => {
    for (const readers of editions.values()) for (const stream of readers) stream.send(comment)
    if (editions.size > 0) enqueue(() => sendBreakingChanges(undefined))
  }, deps.heartbeatMs ?? HEARTBEAT_MS)
  heartbeat.unref()

  /** The events a stream starts with: the breaking items, then what the reader missed. */
  async function firstEvents(
    request: StreamRequest,
    startedAt: number,
  ): Promise<{ text: string; through: number }> {
    const frame = await frameOf(request.language)
    if (!frame) throw new Error(`no edition ${request.language}`)
    const { articleId, lastEventId } = request
    // What the edition's streams were last sent; a change since reaches them all at the next look.
    if (!breakingSent.has(request.language))
      breakingSent.set(request.language, JSON.stringify(frame.breaking))
    let text = formatRetry(RETRY_MS)
    if (lastEventId === undefined) {
      // The reader's first event id is where this process stands: a resume starts there.
      text += breakingEvent(frame.breaking, startedAt)
      if (articleId !== undefined && request.afterEntryId !== undefined) {
        const missed = await listLiveEntries(db, articleId, {
          limit: CATCH_UP_ENTRIES,
          afterId: request.afterEntryId,
        })
        const changes = missed.reverse().map((entry) => ({ id: entry.id, action: 'created' }))
        for (const change of await renderEntryChanges(db, frame, changes))
          text += entryEvent(change)
      }
      return { text, through: startedAt }
    }
    text += breakingEvent(frame.breaking)
    if (articleId === undefined) return { text, through: lastEventId }
    const replay = await readEntryReplay(db, { articleId, afterEventId: lastEventId })
    if (!replay.isComplete)
      return { text: text + formatEvent({ type: 'reset', data: {} }), through: lastEventId }
    const rendered = await renderEntryChanges(db, frame, replay.changes)
    let through = lastEventId
    replay.changes.forEach((change, index) => {
      const entry = rendered[index]
      if (!entry) return
      text += entryEvent(entry, change.eventId)
      through = change.eventId
    })
    return { text, through }
  }

  return {
    async open(response, request) {
      const stream = createReaderStream(
        response,
        { language: request.language, articleId: request.articleId },
        forget,
      )
      add(editions, request.language, stream)
      if (request.articleId !== undefined) add(stories, request.articleId, stream)
      // Events this process hears from now on are held for the stream until its replay is sent.
      const startedAt = position
      try {
        const first = await firstEvents(request, startedAt)
        stream.resume(first.text, first.through)
      } catch (error) {
        deps.onError(error)
        response.destroy()
      }
    },
    count() {
      let total = 0
      for (const readers of editions.values()) total += readers.size
      return total
    },
    close() {
      unsubscribe()
      clearInterval(heartbeat)
      for (const readers of [...editions.values()]) for (const stream of [...readers]) stream.end()
    },
  }
}
