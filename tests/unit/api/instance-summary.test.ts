import { describe, expect, it } from 'vitest'
import type { InstanceLookupResult } from '@/api/instance'
import { DESCRIPTION_MAX_LENGTH, summarizeInstance } from '@/api/instance-summary'
import { camelizeKeys } from '@/api/camelize'
import { v1Instance, v2Instance } from '../helpers/fetch'

function v2(raw: object): InstanceLookupResult {
  return { apiVersion: 'v2', origin: 'https://example.social', instance: camelizeKeys(raw) } as InstanceLookupResult
}

function v1(raw: object): InstanceLookupResult {
  return { apiVersion: 'v1', origin: 'https://old.example', instance: camelizeKeys(raw) } as InstanceLookupResult
}

describe('summarizeInstance', () => {
  it('shows the v2 title, domain, version, description, monthly users and sign-up policy', () => {
    expect(summarizeInstance(v2(v2Instance))).toEqual({
      origin: 'https://example.social',
      domain: 'example.social',
      title: 'Example Social',
      version: '4.5.0',
      description: 'A friendly place for examples.',
      users: { count: 12345, period: 'month' },
      registrations: 'approval',
    })
  })

  it('turns the HTML of a v1 description into plain text and reports total users', () => {
    const summary = summarizeInstance(v1(v1Instance))
    expect(summary.description).toBe('Running Mastodon since 2017. Be kind.')
    expect(summary.domain).toBe('old.example')
    expect(summary.users).toEqual({ count: 812, period: 'total' })
    expect(summary.registrations).toBe('closed')
  })

  it('leaves out what a minimal compatible server does not report', () => {
    const summary = summarizeInstance(v2({ domain: 'tiny.example', title: 'Tiny', version: '0.1' }))
    expect(summary.users).toBeNull()
    expect(summary.registrations).toBeNull()
    expect(summary.description).toBe('')
  })

  it('shortens a long description at a word boundary', () => {
    const long = 'word '.repeat(200)
    const summary = summarizeInstance(v2({ ...v2Instance, description: long }))
    expect(summary.description.length).toBeLessThanOrEqual(DESCRIPTION_MAX_LENGTH + 1)
    expect(summary.description).toMatch(/word…$/)
  })
})
