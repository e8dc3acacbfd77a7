import { ApiError, NETWORK_FAILURE } from '../api/api-error.js'
import type { MessageKey } from '../i18n/messages.js'

const BY_CODE: Record<string, MessageKey> = {
  MEDIA_UNSUPPORTED_TYPE: 'uploadErrorType',
  MEDIA_TOO_LARGE: 'uploadErrorSize',
  MEDIA_TOO_MANY_PIXELS: 'uploadErrorPixels',
  MEDIA_CORRUPT: 'uploadErrorCorrupt',
}

/** What to tell the person about a refused upload of the file `name`, in their language. */
export function uploadErrorMessage(
  error: unknown,
  name: string,
  t: (key: MessageKey, params?: Record<string, string | number>) => string,
): string {
  if (!(error instanceof ApiError)) return t('uploadErrorOther', { name, message: String(error) })
  if (error.status === NETWORK_FAILURE) return t('uploadErrorNetwork', { name })
  // A body cut off by a proxy's own limit still means the file was too big.
  if (error.status === 413) return t('uploadErrorSize', { name })
  const known = error.errors.map((item) => BY_CODE[item.code]).find(Boolean)
  if (known) return t(known, { name })
  if (error.errors[0]?.message === 'The file is empty') return t('uploadErrorEmpty', { name })
  return t('uploadErrorOther', {
    name,
    message: error.errors[0]?.message ?? `HTTP ${error.status}`,
  })
}
