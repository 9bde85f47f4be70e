import { describe, expect, it } from 'vitest'
import { sparklinePoints, tagWeek } from '@/timeline/tag-history'

const day = (uses: unknown, accounts: unknown) => ({ day: '0', uses, accounts }) as { day: string; uses: string; accounts: string }

describe('a hashtag’s week', () => {
  it('adds up posts and people, the days oldest first for the line', () => {
    const week = tagWeek({ history: [day('5', '3'), day('0', '0'), day('2', '1')] })
    expect(week).toEqual({ perDay: [2, 0, 5], posts: 7, people: 4 })
  })

  it('counts odd values as nothing and keeps to seven days', () => {
    const history = [day('x', null), day('-4', '2'), ...Array.from({ length: 8 }, () => day('1', '1'))]
    const week = tagWeek({ history })!
    expect(week.perDay).toHaveLength(7)
    expect(week.posts).toBe(5)
    expect(week.people).toBe(7)
  })

  it('has no week when the server keeps no history', () => {
    expect(tagWeek({ history: [] })).toBeNull()
    expect(tagWeek({ history: null })).toBeNull()
    expect(tagWeek({})).toBeNull()
  })
})

describe('the sparkline', () => {
  it('puts the busiest day at the top and a quiet one at the bottom', () => {
    expect(sparklinePoints([0, 4, 2], 10, 20)).toBe('0,20 5,0 10,10')
  })

  it('draws a flat line at the bottom when nobody posted', () => {
    expect(sparklinePoints([0, 0], 10, 20)).toBe('0,20 10,20')
    expect(sparklinePoints([], 10, 20)).toBe('')
  })
})
