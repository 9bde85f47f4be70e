// Runs the mock fediverse alone (for developing against it):
//   node tests/mock-instance/cli.ts [--controls]
// Ports: MOCK_PORT_A (4180), MOCK_PORT_B (4181).

import { startFediverse } from './server.ts'

const controls = process.argv.includes('--controls')
const fed = await startFediverse({
  instances: [
    { port: Number(process.env.MOCK_PORT_A ?? 4180), idFormat: 'snowflake', title: 'Demo Social', description: 'Mock instance A' },
    { port: Number(process.env.MOCK_PORT_B ?? 4181), idFormat: 'ulid', title: 'Second Town', description: 'Mock instance B' },
  ],
  controls,
})
console.log(`mock instances: ${fed.urls.join(' ')}${controls ? ' (test controls on /__control/)' : ''}`)
const stop = () => void fed.close().then(() => process.exit(0))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
