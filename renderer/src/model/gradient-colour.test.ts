import { describe, expect, it } from 'vitest'
import { dominantComponent, gradTone, toneColours } from './gradient-colour'

describe('gradient colour scale', () => {
  it('is quiet for zero and when there is no scale', () => {
    expect(gradTone(0, 10)).toEqual({ kind: 'zero' })
    expect(gradTone(5, 0)).toEqual({ kind: 'zero' })
    expect(toneColours({ kind: 'zero' }).background).toBe('transparent')
  })
  it('diverges by sign: red positive, blue negative', () => {
    const pos = gradTone(3, 10)
    const neg = gradTone(-3, 10)
    expect(pos).toMatchObject({ kind: 'signed', sign: 1 })
    expect(neg).toMatchObject({ kind: 'signed', sign: -1 })
    expect(toneColours(pos).background).toContain('214, 69, 65')
    expect(toneColours(neg).background).toContain('46, 108, 214')
  })
  it('grows with log-magnitude relative to the largest gradient', () => {
    const i = (g: number) => (gradTone(g, 1000) as { intensity: number }).intensity
    expect(i(1000)).toBeCloseTo(1)
    expect(i(100)).toBeLessThan(i(1000))
    expect(i(1)).toBeLessThan(i(100))
    expect(i(1e-9)).toBeCloseTo(0.15)
    expect(i(-1000)).toBeCloseTo(1)
  })
  it('colours a tensor by its largest entry', () => {
    expect(dominantComponent([[1, -7], [3, 2]])).toBe(-7)
    expect(dominantComponent(4)).toBe(4)
  })
})
