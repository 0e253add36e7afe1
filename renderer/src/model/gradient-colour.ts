// The gradient's sign and size at a glance: a diverging scale (blue negative, red
// positive) whose intensity grows with log-magnitude relative to the largest |∂J/∂cell|
// in the workbook. Zero is quiet grey. Log scale because gradients span many decades.

export type GradTone = { kind: 'zero' } | { kind: 'signed'; sign: 1 | -1; intensity: number }

/** How many decades below the largest |grad| still get some colour. */
const DECADES = 6

/** intensity in [0.15, 1]: 1 for the largest magnitude, fading over DECADES decades. */
export function gradTone(grad: number, maxAbs: number): GradTone {
  if (grad === 0 || !Number.isFinite(grad) || !(maxAbs > 0)) return { kind: 'zero' }
  const rel = Math.log10(Math.abs(grad) / maxAbs) // ≤ 0
  const t = Math.max(0, Math.min(1, 1 + rel / DECADES))
  return { kind: 'signed', sign: grad > 0 ? 1 : -1, intensity: 0.15 + 0.85 * t }
}

/** The representative scalar of a gradient (a tensor colours by its largest entry). */
export function dominantComponent(value: number | number[] | number[][]): number {
  if (typeof value === 'number') return value
  let best = 0
  for (const item of value.flat()) if (Math.abs(item) > Math.abs(best)) best = item
  return best
}

/** Background and text colours for a tone, as CSS colours. */
export function toneColours(tone: GradTone): { background: string; text: string } {
  if (tone.kind === 'zero') return { background: 'transparent', text: '#9aa0a6' }
  const a = (0.08 + 0.32 * tone.intensity).toFixed(3)
  const rgb = tone.sign > 0 ? '214, 69, 65' : '46, 108, 214'
  const text = tone.sign > 0 ? (tone.intensity > 0.6 ? '#a4161a' : '#c0392b') : (tone.intensity > 0.6 ? '#123f9a' : '#2563c9')
  return { background: `rgba(${rgb}, ${a})`, text }
}
