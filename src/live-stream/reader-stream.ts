import type { ServerResponse } from 'node:http'

/**
 * Bytes a stream may hold unsent before its reader counts as too slow and is dropped at the next
 * event: a few entries. The reader's browser connects again and resumes with Last-Event-ID, so nothing is lost,
 * and a process never buffers for a client that does not read.
 */
export const UNSENT_BYTES_LIMIT = 64 * 1024
/** Events kept for a stream while its replay is read, before it counts as too slow. */
const HELD_EVENTS_LIMIT = 200

/** What a reader asked for: an edition's breaking items, and a live story's entries. */
export interface StreamTopic {
  language: string
  /** The live story whose entries the stream carries; none for the breaking items alone. */
  articleId: number | undefined
}

/** One reader's open event stream. */
export interface ReaderStream extends StreamTopic {
  /**
   * Writes an event. One with an outbox id at or below what the reader already has (a replay
   * read ahead of this process) is skipped; while the replay is being read, events wait.
   */
  send(text: string | Buffer, eventId?: number): void
  /**
   * Writes the replay, then what was held while it was read; `lastEventId` is the outbox id the
   * reader has after the replay (held events at or below it are not sent twice).
   */
  resume(replay: string, lastEventId: number): void
  /** Ends the response; the browser will connect again (to this process or another). */
  end(): void
  readonly isOpen: boolean
}

/**
 * Wraps a response already answered 200 with text/event-stream. Holds events until `resume`, so
 * what happens during the replay's query reaches the reader after the replay, in order.
 */
export function createReaderStream(
  response: ServerResponse,
  topic: StreamTopic,
  onClose: (stream: ReaderStream) => void,
): ReaderStream {
  let held: { text: string | Buffer; eventId: number | undefined }[] | undefined = []
  let lastEventId = 0
  let isOpen = true

  function write(text: string | Buffer, eventId: number | undefined): void {
    if (eventId !== undefined) {
      if (eventId <= lastEventId) return
      lastEventId = eventId
    }
    // Still holding more than the limit from before: the reader does not read. One event of any
    // size is written to a reader that keeps up.
    if (response.writableLength > UNSENT_BYTES_LIMIT) return void response.destroy()
    response.write(text)
  }

  const stream: ReaderStream = {
    ...topic,
    get isOpen() {
      return isOpen
    },
    send(text, eventId) {
      if (!isOpen) return
      if (!held) return write(text, eventId)
      held.push({ text, eventId })
      if (held.length > HELD_EVENTS_LIMIT) response.destroy()
    },
    resume(replay, replayedThrough) {
      if (!held || !isOpen) return
      lastEventId = Math.max(lastEventId, replayedThrough)
      write(replay, undefined)
      const waiting = held
      held = undefined
      for (const event of waiting) write(event.text, event.eventId)
    },
    end() {
      if (isOpen) response.end()
    },
  }
  response.once('close', () => {
    isOpen = false
    held = undefined
    onClose(stream)
  })
  return stream
}
