// Serves a built copy of the client (vite preview) the way an instance admin
// would host it: static files, SPA fallback, a runtime config.json, and a
// strict Content-Security-Policy (no inline script, no eval).

import { fileURLToPath } from 'node:url'
import { preview, type PreviewServer } from 'vite'

export interface AppServerOptions {
  port: number
  /** Folder of the build, relative to the project root. */
  outDir?: string
  /** Sub-path the build was made for (`vite build --base`). */
  base?: string
  /** Served as config.json, replacing the built one. */
  config?: { instance: string | null; demoInstance: string | null }
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  'img-src * data: blob:',
  'media-src * blob:',
  'connect-src *',
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
].join('; ')

const root = fileURLToPath(new URL('../..', import.meta.url))

export async function startAppServer(opts: AppServerOptions): Promise<PreviewServer> {
  const base = opts.base ?? '/'
  return preview({
    root,
    configFile: false,
    base,
    logLevel: 'warn',
    build: { outDir: opts.outDir ?? 'dist' },
    preview: {
      port: opts.port,
      strictPort: true,
      host: '127.0.0.1',
      headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
    },
    plugins: [
      {
        name: 'runtime-config',
        configurePreviewServer(server) {
          const config = opts.config
          if (!config) return
          server.middlewares.use(`${base}config.json`, (_req, res) => {
            res.setHeader('content-type', 'application/json')
            res.setHeader('cache-control', 'no-store')
            res.end(JSON.stringify(config))
          })
        },
      },
    ],
  })
}
