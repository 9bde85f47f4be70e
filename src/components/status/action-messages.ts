// The i18n keys the status action bar speaks with: what each boost choice says, why a post
// cannot be boosted, the question before a harmful action, and the notice after one. Shared
// by the bar, its boost menu and its messages, so each kind is named in one place.
import type { MessageKey } from '@/i18n/keys'
import type { ActAsAction, BoostBlock, BoostVisibility, RelationshipAction } from '@/composables/useStatusInteractions'
import type { ConfirmKind } from './StatusMoreMenu.vue'

export const BOOST_TO: Record<BoostVisibility, MessageKey> = {
  public: 'status.actions.boostTo.public',
  unlisted: 'status.actions.boostTo.unlisted',
  private: 'status.actions.boostTo.private',
}

export const CANNOT_BOOST: Record<BoostBlock, MessageKey> = {
  direct: 'status.actions.cannotBoost.direct',
  private: 'status.actions.cannotBoost.private',
}

export const QUESTIONS: Record<ConfirmKind, { question: MessageKey; confirm: MessageKey }> = {
  mute: { question: 'status.actions.confirm.mute', confirm: 'status.actions.confirm.muteButton' },
  block: { question: 'status.actions.confirm.block', confirm: 'status.actions.confirm.blockButton' },
  delete: { question: 'status.actions.confirm.delete', confirm: 'status.actions.confirm.deleteButton' },
  redraft: { question: 'status.actions.confirm.redraft', confirm: 'status.actions.confirm.redraftButton' },
}

export const ACTED_AS: Record<ActAsAction, MessageKey> = {
  favourite: 'status.actions.actedAs.favourite',
  reblog: 'status.actions.actedAs.reblog',
  bookmark: 'status.actions.actedAs.bookmark',
  follow: 'status.actions.actedAs.follow',
}

export const RELATED: Record<RelationshipAction, MessageKey> = {
  follow: 'status.actions.done.follow',
  unfollow: 'status.actions.done.unfollow',
  mute: 'status.actions.done.mute',
  unmute: 'status.actions.done.unmute',
  block: 'status.actions.done.block',
  unblock: 'status.actions.done.unblock',
}
