import type { ApiRouter } from '../context.ts'
import { registerInstanceRoutes } from './instance.ts'
import { registerOAuthRoutes } from './oauth.ts'
import { registerAccountRoutes } from './accounts.ts'
import { registerStatusRoutes } from './statuses.ts'
import { registerTimelineRoutes } from './timelines.ts'
import { registerNotificationRoutes } from './notifications.ts'
import { registerMiscRoutes } from './misc.ts'
import { registerFileRoutes } from './files.ts'
import { registerScheduledRoutes } from './scheduled.ts'
import { registerTagRoutes } from './tags.ts'
import { registerSuggestionRoutes } from './suggestions.ts'
import { registerDomainBlockRoutes } from './domain-blocks.ts'

export function registerRoutes(router: ApiRouter): void {
  registerInstanceRoutes(router)
  registerOAuthRoutes(router)
  registerAccountRoutes(router)
  registerStatusRoutes(router)
  registerTimelineRoutes(router)
  registerNotificationRoutes(router)
  registerMiscRoutes(router)
  registerFileRoutes(router)
  registerScheduledRoutes(router)
  registerTagRoutes(router)
  registerSuggestionRoutes(router)
  registerDomainBlockRoutes(router)
}
