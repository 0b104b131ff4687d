/**
 * A lab reference range as the PMS writes it ("70-99", "4.0–5.6", "<5.7", "≥ 40") read into the
 * low and high bounds C-CDA R2.1 wants in observationRange/value (CONF:1198-32175): an IVL_PQ
 * in the result's unit. Text that is not a range of numbers stays text.
 */

export interface ParsedRange {
  low?: string
  high?: string
  /** The bound itself belongs to the range ("≤ 5.6"); "< 5.7" does not. */
  lowClosed: boolean
  highClosed: boolean
}

const NUM = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)`
// The en and em dashes, ≤ and ≥ written as escapes the RegExp reads: the server's bundle stays
// ASCII, which V8 keeps in memory at one byte a character (scripts/server-build.mjs).
const BETWEEN = new RegExp(String.raw`^(${NUM})\s*(?:-|\u2013|\u2014|to)\s*(${NUM})$`, 'i')
const BOUND = new RegExp(String.raw`^(<=|>=|\u2264|\u2265|<|>)\s*(${NUM})$`)

export function parseReferenceRange(text: string | null | undefined): ParsedRange | undefined {
  const trimmed = (text ?? '').trim()
  const between = BETWEEN.exec(trimmed)
  if (between) {
    const [, low, high] = between as unknown as [string, string, string]
    if (Number(low) > Number(high)) return undefined
    return { low, high, lowClosed: true, highClosed: true }
  }
  const bound = BOUND.exec(trimmed)
  if (!bound) return undefined
  const [, operator, value] = bound as unknown as [string, string, string]
  const closed = operator.length > 1 || operator === '≤' || operator === '≥'
  return operator.startsWith('<') || operator === '≤'
    ? { high: value, lowClosed: true, highClosed: closed }
    : { low: value, lowClosed: closed, highClosed: true }
}
