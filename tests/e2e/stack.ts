// Everything the end-to-end tests talk to, on fixed test ports (kept apart
// from the demo's): two mock instances with test controls, the built client
// at the root, and a second build served under /client/ like a hosted sub-path.

import { startFediverse } from '../mock-instance/server.ts'
import { startAppServer } from '../mock-instance/app-server.ts'
import { E2E_PORTS } from './ports.ts'

const fed = await startFediverse({
  instances: [
    { port: E2E_PORTS.instanceA, idFormat: 'snowflake', title: 'Demo Social', description: 'Instance A (tests)' },
    { port: E2E_PORTS.instanceB, idFormat: 'ulid', title: 'Second Town', description: 'Instance B (tests)' },
  ],
  controls: true,
  seedNow: Date.UTC(2026, 10, 20, 12),
  // The suite makes many requests per test; rate limiting is exercised through faults.
  rateLimit: 100_000,
})
const config = { instance: null, demoInstance: fed.urls[0]! }
const app = await startAppServer({ port: E2E_PORTS.app, config })
const subpath = await startAppServer({ port: E2E_PORTS.subpathApp, outDir: 'dist-subpath', base: '/client/', config })

console.log(`e2e stack ready: app ${E2E_PORTS.app}, sub-path ${E2E_PORTS.subpathApp}, instances ${fed.urls.join(' ')}`)

const stop = async () => {
  await Promise.all([app.close(), subpath.close(), fed.close()])
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
