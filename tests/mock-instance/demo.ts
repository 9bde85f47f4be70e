// The newcomer's demo: two mock instances with realistic data and the built
// client, all offline. Started by `npm start` (after `npm run build`).
//   DEMO_PORT_A (4180), DEMO_PORT_B (4181), APP_PORT (4173) change the ports.

import { startFediverse } from './server.ts'
import { startAppServer } from './app-server.ts'

const portA = Number(process.env.DEMO_PORT_A ?? 4180)
const portB = Number(process.env.DEMO_PORT_B ?? 4181)
const appPort = Number(process.env.APP_PORT ?? 4173)

const fed = await startFediverse({
  instances: [
    { port: portA, idFormat: 'snowflake', title: 'Demo Social', description: 'A demo Mastodon server that runs on your machine.' },
    { port: portB, idFormat: 'ulid', title: 'Second Town', description: 'A second demo server, to see how federation looks.' },
  ],
  controls: false,
})
const app = await startAppServer({ port: appPort, config: { instance: null, demoInstance: fed.urls[0]! } })

console.log(`
  Deckodon demo is running (offline, nothing leaves this machine):

    App:               http://localhost:${appPort}/
    Demo instance A:   ${fed.urls[0]}   (Demo Social)
    Demo instance B:   ${fed.urls[1]}   (Second Town)

  Demo accounts: alice, bob, carol … all with the password "mastodon-demo"
  (the instances' own sign-in page lists them).
  Press Ctrl+C to stop.
`)

const stop = async () => {
  await app.close()
  await fed.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
