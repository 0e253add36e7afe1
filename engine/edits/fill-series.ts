// The series a fill continues, per line of source cells: plain numbers extend their
// least-squares line (1, 2 → 3, 4), and text ending in a number counts on ("Item 1" →
// "Item 2", "Item 3"), both ways — `k` is the position along the fill relative to the
// first source cell, so a negative k is a cell above or left of the source (3, 4 filled
// up gives 2, 1). Everything else is the caller's business (it repeats the sources).
import { classifyInput } from '../input'

const plainNumber = (input: string): number | null => {
  const m = classifyInput(input)
  return m.kind === 'constant' && typeof m.value === 'number' ? m.value : null
}

/** The least-squares line through (0, y0), (1, y1), …; exact for arithmetic series. */
export function seriesLine(ys: number[]): (k: number) => number {
  const n = ys.length
  const meanK = (n - 1) / 2
  const meanY = ys.reduce((a, b) => a + b, 0) / n
  let sxy = 0
  let sxx = 0
  ys.forEach((y, k) => {
    sxy += (k - meanK) * (y - meanY)
    sxx += (k - meanK) ** 2
  })
  const slope = sxy / sxx
  // 15 significant digits: 0.1, 0.2 continue as 0.3, not 0.30000000000000004.
  return (k) => Number((meanY + slope * (k - meanK)).toPrecision(15))
}

/** A label ending in digits: "Item 1" → ("Item ", 1); the digits' width is kept when written with leading zeros ("Run 007"). */
const TRAILING_NUMBER = /^([\s\S]*?)([0-9]+)$/

function labelParts(input: string): { prefix: string; n: number; width: number } | null {
  const m = classifyInput(input)
  if (m.kind !== 'constant' || typeof m.value !== 'string') return null
  const parts = TRAILING_NUMBER.exec(input)
  if (!parts || parts[1] === '' || parts[2].length > 15) return null
  return { prefix: parts[1], n: Number(parts[2]), width: parts[2].startsWith('0') ? parts[2].length : 0 }
}

/**
 * Labels that share a prefix and end in a number: one label counts up by 1 ("Item 1" →
 * "Item 2", as Excel's fill handle does), several follow their line rounded to whole
 * numbers ("Item 1", "Item 3" → "Item 5"). Backwards past zero the number's magnitude is
 * written (Item 1 filled up: Item 0, Item 1, Item 2, as Excel writes no minus sign into a
 * label). Null when the sources are not such labels.
 */
export function labelSeries(inputs: string[]): ((k: number) => string) | null {
  const parts = inputs.map(labelParts)
  if (parts.length === 0 || parts.some((p) => p === null || p.prefix !== parts[0]!.prefix)) return null
  const { prefix, width } = parts[0]!
  const line = parts.length === 1 ? (k: number) => parts[0]!.n + k : seriesLine(parts.map((p) => p!.n))
  return (k) => prefix + String(Math.abs(Math.round(line(k)))).padStart(width, '0')
}

/** The series of one line of source inputs, or null to repeat them (a single number, formulas, plain text). */
export function fillSeries(inputs: string[]): ((k: number) => string) | null {
  const numbers = inputs.map(plainNumber)
  if (inputs.length >= 2 && numbers.every((x) => x !== null)) {
    const line = seriesLine(numbers as number[])
    return (k) => String(line(k))
  }
  return labelSeries(inputs)
}
