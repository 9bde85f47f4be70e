// Draft media items and limits for the composer's media component tests.
import type { DraftMedia } from '@/compose/draft-types'
import { DEFAULT_COMPOSE_LIMITS, type ComposeLimits } from '@/compose/limits'

export function draftMedia(localId: string, changes: Partial<DraftMedia> = {}): DraftMedia {
  return {
    localId,
    remoteId: null,
    state: 'ready',
    file: null,
    fileName: `${localId}.png`,
    mimeType: 'image/png',
    size: 1000,
    description: `Picture ${localId}`,
    focus: null,
    previewUrl: null,
    progress: 0,
    error: null,
    dirty: false,
    ...changes,
  }
}

export const limits: ComposeLimits = { ...DEFAULT_COMPOSE_LIMITS, descriptionLimit: 20 }
