// Shared setup for the status, media and profile component tests: the real Mastodon API
// fixtures in masto's camelCase shape, and a mount with i18n plus a memory router that has
// the routes the components link to (profile, status, tag).

import { vi } from 'vitest'
import { defineComponent, h, type Component } from 'vue'
import { mount, type ComponentMountingOptions } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import type { mastodon } from 'masto'
import { camelizeKeys } from '@/api/camelize'
import { createTestI18n } from '../../helpers/i18n'
import type { Locale } from '@/i18n/locales'
import { readProjectFile } from '../../helpers/read-file'

/** A fixture from tests/fixtures/mastodon-api, camelCased like masto returns it. A fresh copy each call. */
export function fixture<T = unknown>(name: string): T {
  return camelizeKeys(JSON.parse(readProjectFile(`tests/fixtures/mastodon-api/${name}`))) as T
}

export const statusFixture = (name: string) => fixture<mastodon.v1.Status>(name)
export const accountFixture = (name: string) => fixture<mastodon.v1.Account>(name)

export const ACCOUNT_KEY = 'http://localhost:3000|117020565966271181'

const Blank = defineComponent({ render: () => h('div') })

export function createTestRouter(): Router {
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'home', component: Blank },
      { path: '/@:acct', name: 'profile', component: Blank },
      { path: '/@:acct/:statusId', name: 'status', component: Blank },
      { path: '/tags/:tag', name: 'tag', component: Blank },
    ],
  })
}

export async function mountWithApp<C extends Component>(
  component: C,
  options: ComponentMountingOptions<C> & { locale?: Locale } = {},
) {
  vi.stubGlobal('scrollTo', vi.fn())
  const router = createTestRouter()
  await router.push('/')
  await router.isReady()
  const i18n = createTestI18n(options.locale ?? 'en')
  // Cards read and write the entity and accounts stores (the action bar).
  const pinia = createPinia()
  setActivePinia(pinia)
  const { locale: _locale, ...rest } = options
  const wrapper = mount(component, {
    attachTo: document.body,
    ...rest,
    global: { plugins: [i18n, router, pinia], ...(rest.global ?? {}) },
  } as ComponentMountingOptions<C>)
  return { wrapper, router, i18n }
}

/** What must never reach the DOM from remote data. */
export function dangerousMarkup(root: Element): string[] {
  const found: string[] = []
  for (const element of [root, ...root.querySelectorAll('*')]) {
    const tag = element.tagName.toLowerCase()
    if (['script', 'iframe', 'object', 'embed', 'style', 'form', 'base', 'meta', 'link', 'svg:script'].includes(tag) && !isOwnForm(element)) {
      found.push(`<${tag}>`)
    }
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase()
      // Browsers ignore white space and control characters inside a scheme.
      const value = [...attribute.value].filter((c) => c.charCodeAt(0) > 0x20).join('').toLowerCase()
      if (name.startsWith('on')) found.push(`${tag}[${name}]`)
      if (['href', 'src', 'poster', 'action', 'formaction', 'xlink:href', 'srcset'].includes(name)) {
        if (/^(javascript|vbscript|data:text)/.test(value)) found.push(`${tag}[${name}=${attribute.value}]`)
      }
      if (name === 'style' && /url\(|expression/.test(value)) found.push(`${tag}[style]`)
    }
  }
  return found
}

/** The poll's own vote form is the only form components render. */
function isOwnForm(element: Element): boolean {
  return element.tagName === 'FORM' && element.classList.contains('poll__form')
}

/** A payload that is markup, for every plain-text field: it must show up as text. */
export const HOSTILE_TEXT = '<img src=x onerror="alert(1)"><script>alert(2)</script><b>bold</b>'
export const HOSTILE_HTML =
  '<p>hi<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">link</a>' +
  '<iframe src="https://evil.example/"></iframe><svg><script>alert(4)</script></svg>' +
  '<a href="https://ok.example/" onclick="alert(5)" style="background:url(javascript:alert(6))">ok</a></p>'
