import type { InjectionKey } from 'vue'

/** Runtime hosting config, read from `${BASE_URL}config.json` so one build serves many hosts. */
export interface HostingConfig {
  /** Single-instance mode: the sign-in input is prefilled with this and locked. */
  readonly instance: string | null
  /** When set (e.g. "http://localhost:4180"), sign-in offers a "Try the demo instance" button. */
  readonly demoInstance: string | null
}

export const DEFAULT_HOSTING_CONFIG: HostingConfig = Object.freeze({ instance: null, demoInstance: null })

export const HOSTING_CONFIG_KEY: InjectionKey<HostingConfig> = Symbol('hosting-config')

/** Hosts wait at most this long for config.json before the app starts with defaults. */
export const CONFIG_TIMEOUT_MS = 3000

function optionalString(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const trimmed = value.trim()
  return trimmed === '' ? null : trimmed
}

/** Tolerant: each field that is missing or of the wrong type falls back to its default. */
export function parseHostingConfig(raw: unknown): HostingConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return DEFAULT_HOSTING_CONFIG
  const record = raw as Record<string, unknown>
  return Object.freeze({
    instance: optionalString(record.instance),
    demoInstance: optionalString(record.demoInstance),
  })
}

/**
 * Fetches and parses the hosting config. Never rejects and never waits longer than
 * `timeoutMs`: a missing, slow or malformed file means the defaults.
 */
export async function loadHostingConfig(url: string, timeoutMs = CONFIG_TIMEOUT_MS): Promise<HostingConfig> {
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  try {
    const response = await fetch(url, {
      signal: controller.signal,
      cache: 'no-cache',
      headers: { Accept: 'application/json' },
    })
    if (!response.ok) return DEFAULT_HOSTING_CONFIG
    return parseHostingConfig(JSON.parse(await response.text()))
  } catch (error) {
    console.warn('config.json could not be loaded; using defaults.', error)
    return DEFAULT_HOSTING_CONFIG
  } finally {
    clearTimeout(timer)
  }
}
