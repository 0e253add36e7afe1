// Fill series in all four directions, through engine.apply as the app's fill handle sends
// them: numbers continue backwards, labels ending in a number count on (Excel's handle),
// Ctrl+D's `copy` repeats without a series.
import { describe, expect, it } from 'vitest'
import { createEngine, type Edit, type Engine } from '../index'
import { docOf } from '../test/helpers'
import { labelSeries } from './fill-series'

const inputs = (e: Engine): Record<string, string> =>
  Object.fromEntries(e.cells().filter((c) => c.sheet === 'Sheet1' && c.input !== '').map((c) => [c.address, c.input]))
const run = (e: Engine, edit: Edit): string[] => e.apply([edit]).rejected.map((r) => r.message)

describe('fill up and left', () => {
  it('a series continues backwards: 3, 4 dragged up gives 2, 1 above', () => {
    const e = createEngine(docOf({ A3: '3', A4: '4' }))
    expect(run(e, { type: 'fill', sheet: 'Sheet1', from: 'A3:A4', to: 'A1:A4' })).toEqual([])
    expect(inputs(e)).toEqual({ A1: '1', A2: '2', A3: '3', A4: '4' })
  })

  it('left: a row series backwards, formulas shifted by their (negative) offset', () => {
    const e = createEngine(docOf({ D1: '10', E1: '20', D2: '=D1*2', E2: '=$D$1+E1' }))
    run(e, { type: 'fill', sheet: 'Sheet1', from: 'D1:E2', to: 'A1:E2' })
    expect(inputs(e)).toMatchObject({ A1: '-20', B1: '-10', C1: '0', B2: '=B1*2', C2: '=$D$1+C1', A2: '=$D$1+A1' })
  })

  it('up: a formula filled above its cell reads the rows above', () => {
    const e = createEngine(docOf({ A1: '1', A2: '2', A3: '3', B3: '=A3*10' }))
    run(e, { type: 'fill', sheet: 'Sheet1', from: 'B3', to: 'B1:B3' })
    expect(inputs(e)).toMatchObject({ B1: '=A1*10', B2: '=A2*10' })
    expect(e.cell('Sheet1', 'B1').value).toEqual({ kind: 'number', value: 10 })
  })
})

describe('labels that end in a number', () => {
  it('a single "Item 1" fills "Item 2", "Item 3" down and right', () => {
    const e = createEngine(docOf({ A1: 'Item 1', C3: 'x9' }))
    run(e, { type: 'fill', sheet: 'Sheet1', from: 'A1', to: 'A1:A4' })
    run(e, { type: 'fill', sheet: 'Sheet1', from: 'C3', to: 'C3:E3' })
    expect(inputs(e)).toEqual({ A1: 'Item 1', A2: 'Item 2', A3: 'Item 3', A4: 'Item 4', C3: 'x9', D3: 'x10', E3: 'x11' })
  })

  it('two labels give the step; up and past zero writes the magnitude, as Excel does', () => {
    const e = createEngine(docOf({ A3: 'Item 1', A4: 'Item 3', B3: 'Run 2' }))
    run(e, { type: 'fill', sheet: 'Sheet1', from: 'A3:A4', to: 'A3:A6' })
    run(e, { type: 'fill', sheet: 'Sheet1', from: 'B3', to: 'B1:B3' })
    expect(inputs(e)).toMatchObject({ A5: 'Item 5', A6: 'Item 7', B2: 'Run 1', B1: 'Run 0' })
    expect(labelSeries(['Item 1'])!(-3)).toBe('Item 2')
  })

  it('keeps leading zeros; different prefixes, plain text, formulas and single numbers are repeated', () => {
    expect(labelSeries(['Run 007'])!(1)).toBe('Run 008')
    expect(labelSeries(['Item 1', 'Row 2'])).toBeNull()
    expect(labelSeries(['label'])).toBeNull()
    expect(labelSeries(['=A1'])).toBeNull()
    expect(labelSeries(['12'])).toBeNull()
    const e = createEngine(docOf({ A1: 'Item 1', A2: 'label', B1: '5' }))
    run(e, { type: 'fill', sheet: 'Sheet1', from: 'A1:B2', to: 'A1:B4' })
    expect(inputs(e)).toMatchObject({ A3: 'Item 1', A4: 'label', B3: '5' })
  })

  it('Ctrl+D (copy) repeats a label as it is', () => {
    const e = createEngine(docOf({ A1: 'Item 1' }))
    run(e, { type: 'fill', sheet: 'Sheet1', from: 'A1', to: 'A1:A3', copy: true })
    expect(inputs(e)).toEqual({ A1: 'Item 1', A2: 'Item 1', A3: 'Item 1' })
  })
})
