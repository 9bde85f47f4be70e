// Intl formatters are costly to build (each loads locale data), and a deck mounts many
// cards that each show numbers: one formatter per locale and style, shared.

const numberFormats = new Map<string, Intl.NumberFormat>()

/** A shared Intl.NumberFormat for the locale (plain numbers, or percentages). */
export function numberFormat(locale: string, style: 'decimal' | 'percent' = 'decimal'): Intl.NumberFormat {
  const key = `${locale}|${style}`
  let format = numberFormats.get(key)
  if (!format) {
    format =
      style === 'percent'
        ? new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })
        : new Intl.NumberFormat(locale)
    numberFormats.set(key, format)
  }
  return format
}
