/**
 * The slice of the job queue (src/jobs/job-queue.ts) the media module uses: it enqueues, and it
 * hands the queue a handler.
 */
export type EnqueueJob = (job: {
  kind: string
  payload: unknown
  uniqueKey?: string
}) => Promise<void>

/** A kind of background job and how many of them one process runs at once. */
export interface JobHandler {
  kind: string
  concurrency: number
  handle(payload: unknown): Promise<void>
}

/** The job that makes a media item's variants and crops. */
export const MEDIA_VARIANTS_JOB = 'media.variants'

/** Asks for the variants of a media item; one queued job per item at a time. */
export function enqueueMediaVariants(enqueue: EnqueueJob, mediaId: number): Promise<void> {
  return enqueue({
    kind: MEDIA_VARIANTS_JOB,
    payload: { mediaId },
    uniqueKey: `${MEDIA_VARIANTS_JOB}:${mediaId}`,
  })
}
