import { describe, expect, it } from 'vitest'
import { SMALL_SERVER_ACTIVE_USERS, starterColumns } from '@/timeline/starter-deck'

const KEY = 'small.example|1'
const typesOf = (activeUsers: number | null) => starterColumns(KEY, activeUsers).map((c) => c.type)

describe('the starter deck', () => {
  it('is home and notifications, of the account signed in', () => {
    expect(typesOf(50_000)).toEqual(['home', 'notifications'])
    expect(starterColumns(KEY, null).every((c) => c.accountKey === KEY)).toBe(true)
  })

  it('adds the local timeline on a small server, and only when the server says its size', () => {
    expect(typesOf(12)).toEqual(['home', 'notifications', 'local'])
    expect(typesOf(SMALL_SERVER_ACTIVE_USERS)).toEqual(['home', 'notifications', 'local'])
    expect(typesOf(SMALL_SERVER_ACTIVE_USERS + 1)).toEqual(['home', 'notifications'])
    expect(typesOf(null)).toEqual(['home', 'notifications'])
  })
})
