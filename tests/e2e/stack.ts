// Everything one Playwright worker talks to, on free ports: two mock instances
// with test controls, the built client at the root, and a second build served
// under /client/ as an instance would host it on a sub-path.

import type { AddressInfo } from 'node:net'
import { startFediverse, type RunningFediverse } from '../mock-instance/server.ts'
import { startAppServer } from '../mock-instance/app-server.ts'

export interface Stack {
  fed: RunningFediverse
  appUrl: string
  subpathAppUrl: string
  instanceA: string
  instanceB: string
  close(): Promise<void>
}

export async function startStack(): Promise<Stack> {
  const fed = await startFediverse({
    instances: [
      { port: 0, idFormat: 'snowflake', title: 'Demo Social', description: 'Instance A (tests)' },
      { port: 0, idFormat: 'ulid', title: 'Second Town', description: 'Instance B (tests)' },
    ],
    controls: true,
    // Tests make many requests; rate limiting is exercised through faults.
    rateLimit: 100_000,
  })
  const [instanceA, instanceB] = fed.urls as [string, string]
  const config = { instance: null, demoInstance: instanceA }
  const app = await startAppServer({ port: 0, config })
  const subpath = await startAppServer({ port: 0, outDir: 'dist-subpath', base: '/client/', config })
  const portOf = (s: typeof app) => (s.httpServer.address() as AddressInfo).port
  return {
    fed,
    appUrl: `http://localhost:${portOf(app)}`,
    subpathAppUrl: `http://localhost:${portOf(subpath)}/client/`,
    instanceA,
    instanceB,
    close: async () => {
      await Promise.all([app.close(), subpath.close(), fed.close()])
    },
  }
}
