// Fixed ports of the e2e stack; override with E2E_PORT_BASE when they clash.
const base = Number(process.env.E2E_PORT_BASE ?? 4270)

export const E2E_PORTS = {
  app: base + 3,
  subpathApp: base + 4,
  instanceA: base + 10,
  instanceB: base + 11,
}

export const APP_URL = `http://localhost:${E2E_PORTS.app}`
export const SUBPATH_APP_URL = `http://localhost:${E2E_PORTS.subpathApp}/client/`
export const INSTANCE_A = `http://localhost:${E2E_PORTS.instanceA}`
export const INSTANCE_B = `http://localhost:${E2E_PORTS.instanceB}`
