import { describe, expect, it } from 'vitest'
import type { mastodon } from 'masto'
import { findAccount, lookupHandle } from '@/api/account-lookup'
import { FakeHttpError } from '../helpers/masto'

interface Asked {
  lookups: string[]
  searches: unknown[]
}

/** A client whose lookup knows `known` (acct → id) and whose resolving search knows `resolvable`. */
function client(known: Record<string, string>, resolvable: Record<string, string> = {}, lookupError?: Error): { client: mastodon.rest.Client; asked: Asked } {
  const asked: Asked = { lookups: [], searches: [] }
  const fake = {
    v1: {
      accounts: {
        async lookup({ acct }: { acct: string }) {
          asked.lookups.push(acct)
          if (lookupError) throw lookupError
          const id = known[acct]
          if (!id) throw new FakeHttpError(404, 'Record not found')
          return { id, acct } as mastodon.v1.Account
        },
      },
    },
    v2: {
      search: {
        async list(params: { q: string }) {
          asked.searches.push(params)
          const id = resolvable[params.q.replace(/^@/, '')]
          return { accounts: id ? [{ id } as mastodon.v1.Account] : [], statuses: [], hashtags: [] }
        },
      },
    },
  }
  return { client: fake as unknown as mastodon.rest.Client, asked }
}

describe('finding an account by its handle', () => {
  it('asks the server for its own accounts by username, with or without its host or a leading @', async () => {
    expect(lookupHandle('@bob@Demo.Social', 'demo.social')).toBe('bob')
    expect(lookupHandle('bob@other.example', 'demo.social')).toBe('bob@other.example')
    const { client: c, asked } = client({ bob: 'b1' })
    expect((await findAccount(c, '@bob@demo.social', 'demo.social')).id).toBe('b1')
    expect(asked.lookups).toEqual(['bob'])
    expect(asked.searches).toEqual([])
  })

  it('resolves a remote account the server has not seen yet', async () => {
    const { client: c, asked } = client({}, { 'carol@far.example': 'c9' })
    expect((await findAccount(c, '@carol@far.example', 'demo.social')).id).toBe('c9')
    expect(asked.searches).toEqual([{ q: '@carol@far.example', resolve: true, type: 'accounts', limit: 1 }])
  })

  it('a local handle the server does not know is not found, without a search', async () => {
    const { client: c, asked } = client({})
    await expect(findAccount(c, 'nobody', 'demo.social')).rejects.toMatchObject({ statusCode: 404 })
    expect(asked.searches).toEqual([])
  })

  it('a remote handle nothing resolves is the server’s not-found', async () => {
    const { client: c } = client({})
    await expect(findAccount(c, 'ghost@far.example', 'demo.social')).rejects.toMatchObject({ statusCode: 404 })
  })

  it('other failures are not hidden behind a search', async () => {
    const { client: c, asked } = client({}, { 'carol@far.example': 'c9' }, new FakeHttpError(503))
    await expect(findAccount(c, 'carol@far.example', 'demo.social')).rejects.toMatchObject({ statusCode: 503 })
    expect(asked.searches).toEqual([])
  })
})
