// The HTML pages of the mock's OAuth flow: the sign-in + consent page of
// GET /oauth/authorize, Doorkeeper's error page and the out-of-band code
// page. Self-contained (inline <style>, no scripts, no external resources)
// so they work offline and under any Content-Security-Policy.

import { escapeHtml } from './text.ts'

const SCOPE_TEXT: Record<string, string> = {
  read: "Read all your account's data",
  'read:accounts': 'See accounts information',
  'read:blocks': 'See your blocks',
  'read:bookmarks': 'See your bookmarks',
  'read:favourites': 'See your favorites',
  'read:filters': 'See your filters',
  'read:follows': 'See your follows',
  'read:lists': 'See your lists',
  'read:mutes': 'See your mutes',
  'read:notifications': 'See your notifications',
  'read:reports': 'See your reports',
  'read:search': 'Search on your behalf',
  'read:statuses': 'See all posts',
  write: "Modify all your account's data",
  'write:accounts': 'Modify your profile',
  'write:blocks': 'Block accounts and domains',
  'write:bookmarks': 'Bookmark posts',
  'write:conversations': 'Mute and delete conversations',
  'write:favourites': 'Favorite posts',
  'write:filters': 'Create filters',
  'write:follows': 'Follow people',
  'write:lists': 'Create lists',
  'write:media': 'Upload media files',
  'write:mutes': 'Mute people and conversations',
  'write:notifications': 'Clear your notifications',
  'write:reports': 'Report other people',
  'write:statuses': 'Publish posts',
  follow: 'Modify account relationships',
  push: 'Receive your push notifications',
  profile: "Read only your account's profile information",
}

function scopeText(scope: string): string {
  if (SCOPE_TEXT[scope]) return SCOPE_TEXT[scope]
  if (scope.startsWith('admin:read')) return 'Read data on the server (administration)'
  if (scope.startsWith('admin:write')) return 'Modify data on the server (administration)'
  return scope
}

const STYLE = `
  :root { color-scheme: light dark; --fg: #1c1b22; --muted: #5b5868; --bg: #f4f3f8; --card: #fff; --accent: #5a46d6; --line: #d6d3e1; --err-bg: #fde8e8; --err-fg: #8a1c1c; }
  @media (prefers-color-scheme: dark) {
    :root { --fg: #ecebf3; --muted: #b0adbf; --bg: #17161d; --card: #221f2b; --accent: #9e8cff; --line: #3b3848; --err-bg: #4a1f24; --err-fg: #ffd6d6; }
  }
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
  main { max-width: 30rem; margin: 2rem auto; padding: 1.5rem; background: var(--card); border: 1px solid var(--line); border-radius: 12px; }
  .instance { margin: 0 0 .5rem; color: var(--muted); font-size: .9rem; }
  h1 { font-size: 1.35rem; margin: 0 0 .75rem; }
  h2 { font-size: 1rem; margin: 1.25rem 0 .5rem; }
  ul.scopes { margin: 0; padding-left: 1.25rem; }
  ul.scopes code { font-size: .85rem; color: var(--muted); }
  fieldset { border: 1px solid var(--line); border-radius: 8px; margin: 1.25rem 0 0; padding: .75rem 1rem 1rem; }
  legend { font-weight: 600; padding: 0 .25rem; }
  label { display: block; margin: .75rem 0 .25rem; font-weight: 500; }
  input[type=text], input[type=password] { width: 100%; padding: .55rem .65rem; font: inherit; color: inherit; background: transparent; border: 1px solid var(--line); border-radius: 6px; }
  input:focus-visible, button:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
  .demo { margin: 1rem 0 0; padding: .6rem .8rem; border-left: 4px solid var(--accent); background: color-mix(in srgb, var(--accent) 10%, transparent); font-size: .9rem; }
  .demo code { font-weight: 600; }
  .error { margin: 1rem 0 0; padding: .6rem .8rem; border-radius: 6px; background: var(--err-bg); color: var(--err-fg); font-weight: 500; }
  .actions { display: flex; gap: .75rem; margin-top: 1.25rem; }
  button { flex: 1; padding: .65rem 1rem; font: inherit; font-weight: 600; border-radius: 6px; border: 1px solid var(--accent); cursor: pointer; }
  button.primary { background: var(--accent); color: #fff; }
  button.secondary { background: transparent; color: var(--fg); border-color: var(--line); }
  .redirect { color: var(--muted); font-size: .85rem; word-break: break-all; }
  input.code { font: 1.1rem ui-monospace, monospace; }
`

function layout(title: string, lang: string, body: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`
}

/** A `lang` attribute value from the `lang` query parameter, or "en". */
export function pageLang(lang: string | undefined): string {
  return lang && /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(lang) ? lang : 'en'
}

export interface AuthorizePageInput {
  instanceTitle: string
  instanceHost: string
  appName: string
  appWebsite: string | null
  redirectUri: string
  scopes: string[]
  /** Every parameter of the authorization request, re-sent as hidden fields. */
  hidden: [string, string][]
  usernames: string[]
  password: string
  username?: string
  error?: string
  lang: string
}

export function authorizePage(p: AuthorizePageInput): string {
  const app = escapeHtml(p.appName)
  const hidden = p.hidden.map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`).join('\n  ')
  const scopes = p.scopes.map((s) => `<li>${escapeHtml(scopeText(s))} <code>${escapeHtml(s)}</code></li>`).join('\n    ')
  const website = p.appWebsite
    ? ` (<a href="${escapeHtml(p.appWebsite)}" rel="noopener noreferrer">${escapeHtml(p.appWebsite)}</a>)`
    : ''
  const errorBlock = p.error ? `<p class="error" id="login-error" role="alert">${escapeHtml(p.error)}</p>\n` : ''
  const describedBy = p.error ? ' aria-describedby="login-error" aria-invalid="true"' : ''
  const users = p.usernames.map((u) => `<code>${escapeHtml(u)}</code>`).join(', ')
  const body = `<p class="instance">${escapeHtml(p.instanceTitle)} · ${escapeHtml(p.instanceHost)}</p>
<h1>Authorize ${app}?</h1>
<p><strong>${app}</strong>${website} would like to access your account on ${escapeHtml(p.instanceTitle)}.</p>
<section aria-labelledby="scopes-heading">
  <h2 id="scopes-heading">Review permissions</h2>
  <ul class="scopes">
    ${scopes}
  </ul>
</section>
${errorBlock}<form method="post" action="/oauth/authorize">
  ${hidden}
  <fieldset>
    <legend>Sign in to ${escapeHtml(p.instanceTitle)}</legend>
    <label for="username">Username or e-mail address</label>
    <input type="text" id="username" name="username" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(p.username ?? '')}"${describedBy}>
    <label for="password">Password</label>
    <input type="password" id="password" name="password" autocomplete="current-password" required${describedBy}>
    <p class="demo" id="demo-credentials">Demo accounts: ${users}. Password for all of them: <code>${escapeHtml(p.password)}</code></p>
  </fieldset>
  <div class="actions">
    <button type="submit" class="primary" name="decision" value="approve">Authorize</button>
    <button type="submit" class="secondary" name="decision" value="deny" formnovalidate>Deny</button>
  </div>
</form>
<p class="redirect">You will be sent back to <code>${escapeHtml(p.redirectUri)}</code>.</p>`
  return layout(`Authorize ${p.appName} · ${p.instanceTitle}`, p.lang, body)
}

/** Doorkeeper's "An error has occurred" page, used when it cannot redirect back to the app. */
export function errorPage(instanceTitle: string, error: string, description: string, lang = 'en'): string {
  const body = `<p class="instance">${escapeHtml(instanceTitle)}</p>
<h1>An error has occurred</h1>
<p class="error" role="alert">${escapeHtml(description)}</p>
<p class="redirect">Error code: <code>${escapeHtml(error)}</code></p>`
  return layout(`An error has occurred · ${instanceTitle}`, lang, body)
}

/** The out-of-band page (redirect_uri urn:ietf:wg:oauth:2.0:oob) showing the code to copy. */
export function codePage(instanceTitle: string, code: string, lang = 'en'): string {
  const body = `<p class="instance">${escapeHtml(instanceTitle)}</p>
<h1>Authorization code</h1>
<p id="code-help">Copy this authorization code and paste it to the application.</p>
<label for="code">Authorization code</label>
<input type="text" class="code" id="code" readonly value="${escapeHtml(code)}" aria-describedby="code-help">`
  return layout(`Authorization code · ${instanceTitle}`, lang, body)
}
