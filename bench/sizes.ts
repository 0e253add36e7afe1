// Sizes on the command line: 10k, 100k, 1M, or plain integers.

export const DEFAULT_SIZES = [10_000, 100_000, 1_000_000]

export function parseSize(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(text.trim())
  if (!m) return null
  const n = Number(m[1]) * (m[2] === '' ? 1 : m[2].toLowerCase() === 'k' ? 1e3 : 1e6)
  return Number.isInteger(n) && n >= 2 ? n : null
}

export function formatSize(n: number): string {
  if (n >= 1e6 && n % 1e6 === 0) return `${n / 1e6}M`
  if (n >= 1e3 && n % 1e3 === 0) return `${n / 1e3}k`
  return String(n)
}
