import { inject } from 'vue'
import { DEFAULT_HOSTING_CONFIG, HOSTING_CONFIG_KEY, type HostingConfig } from '@/config'

export function useHostingConfig(): HostingConfig {
  return inject(HOSTING_CONFIG_KEY, DEFAULT_HOSTING_CONFIG)
}
