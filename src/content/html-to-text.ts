// Remote HTML reduced to plain text, for places that show text only (never markup).
// DOMParser documents are inert: no scripts run and no images or other resources load,
// unlike an element created in the live document.

const BLOCK_BREAKS = /<\/(p|div|li|h[1-6]|blockquote)>|<br\s*\/?>/gi
const NOT_TEXT = 'script, style, template, noscript'

export function htmlToPlainText(html: string): string {
  // Keep paragraph breaks as spaces so words from adjacent blocks do not run together.
  const spaced = html.replace(BLOCK_BREAKS, (tag) => `${tag} `)
  const doc = new DOMParser().parseFromString(spaced, 'text/html')
  for (const element of doc.body.querySelectorAll(NOT_TEXT)) element.remove()
  return (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim()
}
