import type { MessageSchema } from './index'

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>
}[keyof T & string]

/** Every message key, as a dotted path. vue-i18n's `t` accepts any string, so code that
 *  stores a key for later (route meta, error maps) uses this type to get it checked. */
export type MessageKey = Leaves<MessageSchema>
