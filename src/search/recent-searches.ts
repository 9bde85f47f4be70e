// The last searches of each signed-in account, newest first, kept on this device only.

const MAX = 10
const keyOf = (accountKey: string) => `deckodon:recent-searches:${accountKey}`

export function recentSearches(accountKey: string): string[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(keyOf(accountKey)) ?? '[]')
    return Array.isArray(raw) ? raw.filter((q): q is string => typeof q === 'string' && q.trim() !== '').slice(0, MAX) : []
  } catch {
    return []
  }
}

function store(accountKey: string, list: readonly string[]): void {
  try {
    if (list.length === 0) localStorage.removeItem(keyOf(accountKey))
    else localStorage.setItem(keyOf(accountKey), JSON.stringify(list))
  } catch {
    // Private mode or a full quota: searching still works, it is just not remembered.
  }
}

export function rememberSearch(accountKey: string, query: string): string[] {
  const q = query.trim()
  if (!q) return recentSearches(accountKey)
  const list = [q, ...recentSearches(accountKey).filter((x) => x !== q)].slice(0, MAX)
  store(accountKey, list)
  return list
}

export function forgetSearches(accountKey: string): void {
  store(accountKey, [])
}
