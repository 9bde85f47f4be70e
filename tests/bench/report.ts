// The benchmark's figures against their budgets, as a plain-text table (pure: no I/O).

export interface Figure {
  /** Stable key in the JSON output. */
  key: string
  label: string
  /** The measured value; null when the measurement failed. */
  value: number | null
  unit: 'KiB' | 'ms' | 'MiB' | 'elements' | '%' | 'statuses'
  /** The value must be `<=` (or `<` for 'lt') this budget. */
  budget: number
  compare: 'le' | 'lt'
  /** What the figure means exactly, when the label cannot say it all. */
  note?: string
}

export type Verdict = 'pass' | 'FAIL' | 'error'

export function verdict(f: Figure): Verdict {
  if (f.value === null || Number.isNaN(f.value)) return 'error'
  const ok = f.compare === 'lt' ? f.value < f.budget : f.value <= f.budget
  return ok ? 'pass' : 'FAIL'
}

function formatNumber(value: number, unit: Figure['unit']): string {
  if (unit === 'elements' || unit === 'statuses') return String(Math.round(value))
  if (unit === 'ms') return value >= 100 ? String(Math.round(value)) : value.toFixed(1)
  return value.toFixed(1)
}

export function formatValue(value: number | null, unit: Figure['unit']): string {
  if (value === null || Number.isNaN(value)) return '—'
  const n = formatNumber(value, unit)
  return unit === '%' ? `${n} %` : `${n} ${unit}`
}

export function formatBudget(f: Figure): string {
  return `${f.compare === 'lt' ? '<' : '≤'} ${formatValue(f.budget, f.unit)}`
}

/** A fixed-width table: figure, value, budget, verdict; notes listed below it. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [f.label, formatValue(f.value, f.unit), formatBudget(f), verdict(f)])
  const head = ['figure', 'measured', 'budget', 'result']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd()
  const out = [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)]
  const notes = figures.filter((f) => f.note).map((f) => `  ${f.label}: ${f.note}`)
  if (notes.length) out.push('', 'notes:', ...notes)
  return out.join('\n')
}
