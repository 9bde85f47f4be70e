import { beforeEach, describe, expect, it } from 'vitest'
import { parkCallbackParams, takeCallbackParams } from '@/api/oauth-callback'

beforeEach(() => {
  takeCallbackParams()
})

describe('parked callback parameters', () => {
  it('are none before the server sent any', () => {
    expect(takeCallbackParams()).toBeNull()
  })

  it('come back once, so a reload of the callback page finds none', () => {
    parkCallbackParams({ code: 'the-code', state: 'the-state' })
    expect(takeCallbackParams()).toEqual({ code: 'the-code', state: 'the-state', error: null, errorDescription: null })
    expect(takeCallbackParams()).toBeNull()
  })

  it('carry the error the server sent instead of a code', () => {
    parkCallbackParams({
      error: 'access_denied',
      error_description: 'The resource owner or authorization server denied the request.',
      state: 'the-state',
    })
    expect(takeCallbackParams()).toEqual({
      code: null,
      state: 'the-state',
      error: 'access_denied',
      errorDescription: 'The resource owner or authorization server denied the request.',
    })
  })

  it('take the first of repeated parameters', () => {
    parkCallbackParams({ code: ['first', 'second'], state: ['s1', 's2'] })
    expect(takeCallbackParams()).toMatchObject({ code: 'first', state: 's1' })
  })

  it('treat empty, valueless and non-string parameters as absent', () => {
    parkCallbackParams({ code: '', state: null, error: [], error_description: { nested: 'x' } })
    expect(takeCallbackParams()).toEqual({ code: null, state: null, error: null, errorDescription: null })
  })

  it('keep only the latest set when parked twice', () => {
    parkCallbackParams({ code: 'old', state: 'old-state' })
    parkCallbackParams({ code: 'new', state: 'new-state' })
    expect(takeCallbackParams()).toMatchObject({ code: 'new', state: 'new-state' })
    expect(takeCallbackParams()).toBeNull()
  })
})
