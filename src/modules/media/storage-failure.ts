import { AppError } from '../../errors/app-error.js'

/** File-system errors of a disk or quota that is full. */
const FULL = new Set(['ENOSPC', 'EDQUOT'])
/** File-system errors of a folder that cannot be written: permissions, a read-only disk, a file in the way. */
const UNWRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'EISDIR'])

/**
 * Turns a failure to write an upload (its temporary file or the media storage) into a stable
 * code: MEDIA_STORAGE_FULL (507) or MEDIA_NOT_WRITABLE (500); other errors are unchanged.
 */
export function asStorageFailure(error: unknown): unknown {
  if (error instanceof AppError || typeof error !== 'object' || error === null) return error
  const code = (error as { code?: unknown }).code
  if (typeof code !== 'string') return error
  if (FULL.has(code))
    return new AppError('MEDIA_STORAGE_FULL', 'There is no space left to store the file', {
      cause: error,
      isPublic: true,
    })
  if (UNWRITABLE.has(code))
    return new AppError('MEDIA_NOT_WRITABLE', 'The media folder cannot be written', {
      cause: error,
      isPublic: true,
    })
  return error
}
