// masto.js types entities with camelCase keys; when we fetch JSON ourselves we convert the
// same way it does, so the result really has the shape of masto's types.

function toCamel(key: string): string {
  // Same exceptions as masto: keys with ":" or a leading "_" are protocol words, not names.
  if (key.includes(':') || key.startsWith('_')) return key
  return key.replace(/_+([a-z\d])/g, (_match, letter: string) => letter.toUpperCase())
}

export function camelizeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelizeKeys)
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [toCamel(key), camelizeKeys(inner)]))
  }
  return value
}
