import { describe, expect, it } from 'vitest'
import { ApiError, NETWORK_FAILURE } from '../api/api-error.js'
import { translate } from '../i18n/messages.js'
import { deskErrorMessage } from './desk-errors.js'

const t = (key: Parameters<typeof translate>[1]) => translate('en', key)

describe('the messages of a refused desk write', () => {
  it('words an ended coverage and an empty body in the interface language', () => {
    const ended = new ApiError(409, [{ code: 'COVERAGE_ENDED', message: 'The coverage…' }])
    expect(deskErrorMessage(ended, t)).toBe(translate('en', 'liveCoverageEndedError'))
    expect(deskErrorMessage(ended, (key) => translate('ar', key))).toBe(
      translate('ar', 'liveCoverageEndedError'),
    )
    const empty = new ApiError(400, [
      { code: 'VALIDATION_FAILED', message: 'An entry needs a body', property: 'body' },
    ])
    expect(deskErrorMessage(empty, t)).toBe(translate('en', 'liveEmptyBody'))
  })

  it('shows the API’s own message for other refusals, and says when the server is unreachable', () => {
    const tooLong = new ApiError(400, [
      { code: 'VALIDATION_FAILED', message: 'title: at most 300 characters', property: 'title' },
    ])
    expect(deskErrorMessage(tooLong, t)).toBe('title: at most 300 characters')
    const offline = new ApiError(NETWORK_FAILURE, [{ code: 'NETWORK_FAILURE', message: 'x' }])
    expect(deskErrorMessage(offline, t)).toBe(translate('en', 'networkError'))
    expect(deskErrorMessage(new Error('boom'), t)).toBe(translate('en', 'errorGeneric'))
  })
})
