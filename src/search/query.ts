// What a search box's text is: a link to a post or profile on any server, a handle
// (@user@host), a hashtag, or words. Links and handles are resolved by the account's server
// (resolve=true: it fetches what it does not know yet); words are searched as they are.

export type SearchQuery =
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'handle'; readonly handle: string }
  | { readonly kind: 'hashtag'; readonly tag: string }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'empty' }

const HANDLE = /^@?([\p{L}\p{N}_.-]+)@((?:[\p{L}\p{N}-]+\.)+[\p{L}\p{N}-]+|localhost|[\p{L}\p{N}.-]+:\d+)$/u
const HASHTAG = /^#([\p{L}\p{N}_]+)$/u

export function classifyQuery(input: string): SearchQuery {
  const text = input.trim()
  if (text === '') return { kind: 'empty' }
  if (/^https?:\/\/\S+$/i.test(text)) {
    try {
      return { kind: 'url', url: new URL(text).href }
    } catch {
      return { kind: 'text', text }
    }
  }
  const handle = HANDLE.exec(text)
  if (handle) return { kind: 'handle', handle: `${handle[1]}@${handle[2]}` }
  const tag = HASHTAG.exec(text)
  if (tag) return { kind: 'hashtag', tag: tag[1]! }
  return { kind: 'text', text }
}

/** Whether the server should fetch what it does not know yet (links and handles only). */
export const shouldResolve = (query: SearchQuery) => query.kind === 'url' || query.kind === 'handle'
