// Vitest turns every CSS import into "" (even with ?raw) unless test.css is enabled, and the
// unit tsconfig has no Node types; so CSS is read through Node's builtin module loader.

interface NodeFs {
  readFileSync(path: string, encoding: 'utf8'): string
}

interface NodeProcess {
  getBuiltinModule?: (id: string) => unknown
}

/** Reads a file by its path from the project root. */
export function readProjectFile(path: string): string {
  const nodeProcess = (globalThis as { process?: NodeProcess }).process
  const fs = nodeProcess?.getBuiltinModule?.('node:fs') as NodeFs | undefined
  if (!fs) throw new Error('readProjectFile needs Node 22.3 or later')
  // Not `new URL(path, import.meta.url)`: Vite rewrites that pattern into an asset lookup.
  // A path string rather than a URL: in jsdom, URL is jsdom's class, which fs does not know.
  const root = import.meta.url.replace(/tests\/unit\/helpers\/read-file\.ts.*$/, '')
  return fs.readFileSync(decodeURIComponent(new URL(path, root).pathname), 'utf8')
}
