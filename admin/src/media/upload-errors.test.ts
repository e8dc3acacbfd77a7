import { describe, expect, it } from 'vitest'
import { ApiError, NETWORK_FAILURE } from '../api/api-error.js'
import { translate } from '../i18n/messages.js'
import { uploadErrorMessage } from './upload-errors.js'

const inArabic = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('ar', key, params)
const inEnglish = (
  key: Parameters<typeof translate>[1],
  params?: Record<string, string | number>,
) => translate('en', key, params)

describe('telling why an upload was refused', () => {
  it('names the file and the reason for each refusal the server gives', () => {
    const refusal = (status: number, code: string) =>
      uploadErrorMessage(new ApiError(status, [{ code, message: code }]), 'a.svg', inEnglish)
    expect(refusal(415, 'MEDIA_UNSUPPORTED_TYPE')).toBe(
      'a.svg: this is not an image the library takes (JPEG, PNG, WebP, AVIF or GIF).',
    )
    expect(refusal(413, 'MEDIA_TOO_LARGE')).toBe('a.svg: the file is too big.')
    expect(refusal(422, 'MEDIA_TOO_MANY_PIXELS')).toBe('a.svg: the picture has too many pixels.')
    expect(refusal(422, 'MEDIA_CORRUPT')).toBe('a.svg: the image is damaged or cut short.')
  })

  it('reads a bare 413 from a proxy as too big, and a lost connection as unreachable', () => {
    expect(uploadErrorMessage(new ApiError(413, []), 'big.jpg', inArabic)).toBe(
      'big.jpg: حجم الملف أكبر من المسموح.',
    )
    expect(uploadErrorMessage(new ApiError(NETWORK_FAILURE, []), 'b.jpg', inEnglish)).toBe(
      'b.jpg: the server could not be reached.',
    )
  })

  it("passes on the server's message for anything else", () => {
    const error = new ApiError(403, [{ code: 'FORBIDDEN', message: 'Not allowed' }])
    expect(uploadErrorMessage(error, 'c.jpg', inEnglish)).toBe(
      'c.jpg: the upload failed (Not allowed).',
    )
  })
})
