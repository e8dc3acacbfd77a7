import type { JobHandler, JobQueue } from '../../platform/job-queue.js'

export type { JobHandler }

/** How the media module asks for background work: the job queue's `enqueue`. */
export type EnqueueJob = JobQueue['enqueue']

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
