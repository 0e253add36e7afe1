// Editing commands through engine.apply, as the CLI and the app's worker send them.
import { describe, expect, it } from 'vitest'
import { createEngine, type Edit, type Engine } from '../index'
import { docOf, grad, num, type CellSpec } from '../test/helpers'
import { MAX_EXPANDED_EDITS } from './bounds'
import { expandEdit } from './index'

const inputs = (e: Engine, sheet = 'Sheet1'): Record<string, string> =>
  Object.fromEntries(e.cells().filter((c) => c.sheet === sheet && c.input !== '').map((c) => [c.address, c.input]))

const two = (cells: Record<string, CellSpec>, data: Record<string, CellSpec>, objective: string | null = null): Engine =>
  createEngine(docOf(cells, objective, [{ name: 'Data', cells: data }]))

const run = (e: Engine, edit: Edit): string[] => e.apply([edit]).rejected.map((r) => r.message)

describe('copyCells', () => {
  it('pastes B1 =A1*2 on D5 as =C5*2 and computes it', () => {
    const e = createEngine(docOf({ A1: '3', B1: '=A1*2', C5: '10' }))
    expect(run(e, { type: 'copyCells', fromSheet: 'Sheet1', from: 'B1', toSheet: 'Sheet1', to: 'D5' })).toEqual([])
    expect(e.cell('Sheet1', 'D5').input).toBe('=C5*2')
    expect(num(e, 'D5')).toBe(20)
  })

  it('tiles a block over a larger target that it divides evenly, and pastes once otherwise', () => {
    const e = createEngine(docOf({ A1: '1', B1: '=A1+1' }))
    run(e, { type: 'copyCells', fromSheet: 'Sheet1', from: 'A1:B1', toSheet: 'Sheet1', to: 'A3:D4' })
    expect(inputs(e)).toMatchObject({ A3: '1', B3: '=A3+1', C3: '1', D3: '=C3+1', A4: '1', B4: '=A4+1', C4: '1', D4: '=C4+1' })
    const f = createEngine(docOf({ A1: '1', B1: '=A1+1' }))
    run(f, { type: 'copyCells', fromSheet: 'Sheet1', from: 'A1:B1', toSheet: 'Sheet1', to: 'A3:C3' })
    expect(inputs(f)).toEqual({ A1: '1', B1: '=A1+1', A3: '1', B3: '=A3+1' })
  })

  it('copies a whole column by the cells it holds: formulas shift, what was in the target column is cleared', () => {
    const e = createEngine(docOf({ A1: '1', A2: '=A1*2', A1048576: '=A1 + B1048576', C5: 'old', C9: '=1' }))
    expect(run(e, { type: 'copyCells', fromSheet: 'Sheet1', from: 'A1:A1048576', toSheet: 'Sheet1', to: 'C1:C1048576' })).toEqual([])
    expect(inputs(e)).toEqual({ A1: '1', A2: '=A1*2', A1048576: '=A1 + B1048576', C1: '1', C2: '=C1*2', C1048576: '=C1 + D1048576' })
    expect(run(e, { type: 'copyCells', fromSheet: 'Sheet1', from: 'A1:A1048576', toSheet: 'Sheet1', to: 'D1', values: true })).toEqual([])
    expect(e.cell('Sheet1', 'D2').input).toBe('2')
  })

  it('pastes blanks over the target, keeps the target names and marks, and copies no name', () => {
    const e = createEngine(docOf({ A1: { input: '1', name: 'w', param: true }, D1: { input: '7', name: 'z', param: true } }))
    run(e, { type: 'copyCells', fromSheet: 'Sheet1', from: 'A1:A2', toSheet: 'Sheet1', to: 'D1' })
    expect(e.cell('Sheet1', 'D1')).toMatchObject({ input: '1', name: 'z', param: true })
    expect(e.cell('Sheet1', 'A1').name).toBe('w')
  })

  it('copies an overlapping block as it was before the paste', () => {
    const e = createEngine(docOf({ A1: '1', A2: '2', A3: '3' }))
    run(e, { type: 'copyCells', fromSheet: 'Sheet1', from: 'A1:A3', toSheet: 'Sheet1', to: 'A2' })
    expect(inputs(e)).toEqual({ A1: '1', A2: '1', A3: '2', A4: '3' })
  })

  it('pastes values: numbers with every digit, labels quoted when needed, vectors as literals', () => {
    const e = createEngine(docOf({ A1: '=1/3', A2: "'42", A3: 'hello', A4: '=[1, 2]', A5: '=1 > 0', A6: '=1/0' }))
    run(e, { type: 'copyCells', fromSheet: 'Sheet1', from: 'A1:A6', toSheet: 'Sheet1', to: 'B1', values: true })
    expect(inputs(e)).toMatchObject({ B1: String(1 / 3), B2: "'42", B3: 'hello', B4: '=[1, 2]', B5: '=true', B6: '#DIV/0!' })
    expect(num(e, 'B1')).toBe(1 / 3)
  })

  it('pastes values computed by edits earlier in the same apply', () => {
    const e = createEngine(docOf({ A1: '2', B1: '=A1*10' }))
    e.apply([
      { type: 'setInput', sheet: 'Sheet1', address: 'A1', input: '5' },
      { type: 'copyCells', fromSheet: 'Sheet1', from: 'B1', toSheet: 'Sheet1', to: 'C1', values: true },
    ])
    expect(e.cell('Sheet1', 'C1').input).toBe('50')
  })

  it('copies across sheets with unqualified references staying relative', () => {
    const e = two({ A1: '1', B2: '=A1 + Data!A1' }, {})
    run(e, { type: 'copyCells', fromSheet: 'Sheet1', from: 'B2', toSheet: 'Data', to: 'C3' })
    expect(e.cell('Data', 'C3').input).toBe('=B2 + Data!B2')
  })

  it('refuses a paste past the last row or column, or larger than the bound, changing nothing', () => {
    const e = createEngine(docOf({ A1: '1', A2: '2' }))
    expect(run(e, { type: 'copyCells', fromSheet: 'Sheet1', from: 'A1:A2', toSheet: 'Sheet1', to: 'B1048576' })[0]).toMatch(/past row 1,048,576/)
    expect(run(e, { type: 'copyCells', fromSheet: 'Sheet1', from: 'A1:B1', toSheet: 'Sheet1', to: 'XFD1' })[0]).toMatch(/past column XFD/)
    expect(run(e, { type: 'copyCells', fromSheet: 'Sheet1', from: 'A1', toSheet: 'Sheet1', to: 'A1:XFD1048576' })[0]).toMatch(/at most 500,000/)
    expect(run(e, { type: 'copyCells', fromSheet: 'Nope', from: 'A1', toSheet: 'Sheet1', to: 'B1' })[0]).toMatch(/no sheet named "Nope"/)
    expect(run(e, { type: 'copyCells', fromSheet: 'Sheet1', from: 'A1:', toSheet: 'Sheet1', to: 'B1' })[0]).toMatch(/is not a range/)
    expect(inputs(e)).toEqual({ A1: '1', A2: '2' })
  })

  it('counts the bound in cells: one more than the bound is refused, the bound itself is not', () => {
    expect(MAX_EXPANDED_EDITS).toBe(500_000)
    const e = createEngine(docOf({ A1: '1' }))
    expect(run(e, { type: 'copyCells', fromSheet: 'Sheet1', from: 'A1', toSheet: 'Sheet1', to: 'B1:B500001' })[0]).toMatch(/would change 500,001 cells/)
    const atBound = expandEdit(e, { type: 'copyCells', fromSheet: 'Sheet1', from: 'A1', toSheet: 'Sheet1', to: 'B1:B500000' })
    expect(Array.isArray(atBound) && atBound.length).toBe(500_000)
  })
})

describe('fill', () => {
  it('extends a numeric series down (1, 2 → 3, 4, …) and a trend up', () => {
    const e = createEngine(docOf({ A3: '1', A4: '2' }))
    run(e, { type: 'fill', sheet: 'Sheet1', from: 'A3:A4', to: 'A1:A7' })
    expect(inputs(e)).toEqual({ A1: '-1', A2: '0', A3: '1', A4: '2', A5: '3', A6: '4', A7: '5' })
  })

  it('continues decimals without float noise, and fits a least-squares line to uneven numbers', () => {
    const e = createEngine(docOf({ A1: '0.1', A2: '0.2', B1: '1', B2: '2', B3: '4' }))
    run(e, { type: 'fill', sheet: 'Sheet1', from: 'A1:A2', to: 'A1:A4' })
    expect(e.cell('Sheet1', 'A3').input).toBe('0.3')
    run(e, { type: 'fill', sheet: 'Sheet1', from: 'B1:B3', to: 'B1:B4' })
    expect(Number(e.cell('Sheet1', 'B4').input)).toBeCloseTo(16 / 3, 12) // the line 7/3 + 1.5(k − 1) at k = 3
  })

  it('copies a single number and text, and shifts formulas (Ctrl+D over 50 rows)', () => {
    const e = createEngine(docOf({ A1: '5', B1: 'label', C1: '=A1*$A$1 + B$1' }))
    run(e, { type: 'fill', sheet: 'Sheet1', from: 'A1:C1', to: 'A1:C50' })
    expect(e.cell('Sheet1', 'A50').input).toBe('5')
    expect(e.cell('Sheet1', 'B50').input).toBe('label')
    expect(e.cell('Sheet1', 'C50').input).toBe('=A50*$A$1 + B$1')
  })

  it('fills a per-sample cost down 50 rows: the regression cost over 50 samples with the exact gradient', () => {
    const cells: Record<string, CellSpec> = { E1: { input: '0.5', name: 'w' }, E2: { input: '-1', name: 'b' }, C1: '=(w*A1 + b - B1)^2 / 2' }
    const xs = Array.from({ length: 50 }, (_, i) => i / 10 - 2)
    const ys = xs.map((x) => 3 * x + 1 + Math.sin(7 * x))
    xs.forEach((x, i) => {
      cells[`A${i + 1}`] = String(x)
      cells[`B${i + 1}`] = String(ys[i])
    })
    cells.F1 = { input: '=SUM(C1:C50) / 50', name: 'J' }
    const e = createEngine(docOf(cells))
    expect(run(e, { type: 'fill', sheet: 'Sheet1', from: 'C1', to: 'C1:C50' })).toEqual([])
    expect(e.cell('Sheet1', 'C50').input).toBe('=(w*A50 + b - B50)^2 / 2')
    const residuals = xs.map((x, i) => 0.5 * x - 1 - ys[i])
    expect(num(e, 'F1')).toBeCloseTo(residuals.reduce((a, r) => a + r * r / 2, 0) / 50, 12)
    expect(grad(e, 'E1')).toBeCloseTo(residuals.reduce((a, r, i) => a + r * xs[i], 0) / 50, 12)
    expect(grad(e, 'E2')).toBeCloseTo(residuals.reduce((a, r) => a + r, 0) / 50, 12)
  })

  it('fills right and left, repeating a mixed block in order', () => {
    const e = createEngine(docOf({ C1: 'a', D1: '=C1' }))
    run(e, { type: 'fill', sheet: 'Sheet1', from: 'C1:D1', to: 'A1:F1' })
    expect(inputs(e)).toEqual({ A1: 'a', B1: '=A1', C1: 'a', D1: '=C1', E1: 'a', F1: '=E1' })
  })

  it('refuses a target that does not contain the source or goes two ways', () => {
    const e = createEngine(docOf({ A1: '1' }))
    expect(run(e, { type: 'fill', sheet: 'Sheet1', from: 'A1', to: 'B2:B4' })[0]).toMatch(/must contain the source/)
    expect(run(e, { type: 'fill', sheet: 'Sheet1', from: 'A1', to: 'A1:C3' })[0]).toMatch(/one direction at a time/)
  })
})

describe('clearCells', () => {
  it('clears inputs and keeps names and parameter marks', () => {
    const e = createEngine(docOf({ A1: { input: '1', name: 'w', param: true }, A2: '2', C9: '3' }))
    run(e, { type: 'clearCells', sheet: 'Sheet1', range: 'A1:B2' })
    expect(e.cell('Sheet1', 'A1')).toMatchObject({ input: '', name: 'w', param: true })
    expect(inputs(e)).toEqual({ C9: '3' })
  })

  it('clears a whole-sheet range by the cells it holds, not by its area', () => {
    const e = createEngine(docOf({ A1: '1', XFD1048576: '2' }))
    expect(run(e, { type: 'clearCells', sheet: 'Sheet1', range: 'A1:XFD1048576' })).toEqual([])
    expect(inputs(e)).toEqual({})
  })
})

describe('moveCells (cut and paste)', () => {
  it('moves inputs, names and marks; referrers follow; the moved formula keeps its references', () => {
    const e = two({ A1: { input: '3', name: 'x', param: true }, A2: '=A1*B1', B1: '2', C1: '=A1 + x' }, { A1: '=Sheet1!A1 + Sheet1!A2' }, 'A2')
    expect(run(e, { type: 'moveCells', fromSheet: 'Sheet1', from: 'A1:A2', toSheet: 'Sheet1', to: 'E5' })).toEqual([])
    expect(inputs(e)).toEqual({ E5: '3', E6: '=E5*B1', B1: '2', C1: '=E5 + x' })
    expect(e.cell('Sheet1', 'E5')).toMatchObject({ name: 'x', param: true })
    expect(e.cell('Sheet1', 'A1').name).toBeUndefined()
    expect(e.cell('Data', 'A1').input).toBe('=Sheet1!E5 + Sheet1!E6')
    expect(e.objective().ref).toBe('E6')
    expect(num(e, 'E6')).toBe(6)
    expect(grad(e, 'E5')).toBe(2)
  })

  it('replaces the cells it lands on: their names go and references to them become #REF!', () => {
    const e = createEngine(docOf({ A1: '1', B1: { input: '5', name: 'old' }, C1: '=B1 + 1' }))
    run(e, { type: 'moveCells', fromSheet: 'Sheet1', from: 'A1', toSheet: 'Sheet1', to: 'B1' })
    expect(inputs(e)).toEqual({ B1: '1', C1: '=#REF! + 1' })
    expect(e.cell('Sheet1', 'B1').name).toBeUndefined()
    expect(e.cell('Sheet1', 'C1').value).toMatchObject({ kind: 'error', error: { code: '#REF!' } })
  })

  it('moves a whole column by the cells it holds (the bound counts changes, not the area)', () => {
    const e = createEngine(docOf({ A1: '2', A7: '=A1*3', B1: '=SUM(A1:A1000)' }))
    expect(run(e, { type: 'moveCells', fromSheet: 'Sheet1', from: 'A1:A1048576', toSheet: 'Sheet1', to: 'C1' })).toEqual([])
    expect(inputs(e)).toEqual({ C1: '2', C7: '=C1*3', B1: '=SUM(C1:C1000)' })
    expect(num(e, 'B1')).toBe(8)
  })

  it('moves to another sheet: references follow with the sheet name', () => {
    const e = two({ A1: '4', B1: '=A1*2', C1: '=B1' }, {})
    run(e, { type: 'moveCells', fromSheet: 'Sheet1', from: 'A1:B1', toSheet: 'Data', to: 'A1' })
    expect(inputs(e)).toEqual({ C1: '=Data!B1' })
    expect(inputs(e, 'Data')).toEqual({ A1: '4', B1: '=A1*2' })
    expect(num(e, 'C1')).toBe(8)
  })
})

describe('insert and delete rows and columns', () => {
  it('shifts cells, names, marks, formulas on every sheet and the objective', () => {
    const e = two({ A1: { input: '3', name: 'x', param: true }, A2: '=A1^2', A3: '=SUM(A1:A2)' }, { B1: '=Sheet1!A2 + x' }, 'Sheet1!A3')
    run(e, { type: 'insertRows', sheet: 'Sheet1', at: 2, count: 2 })
    expect(inputs(e)).toEqual({ A1: '3', A4: '=A1^2', A5: '=SUM(A1:A4)' })
    expect(e.cell('Data', 'B1').input).toBe('=Sheet1!A4 + x')
    expect(e.objective().ref).toBe('Sheet1!A5')
    expect(e.cell('Sheet1', 'A1')).toMatchObject({ name: 'x', param: true })
    expect(num(e, 'A5')).toBe(12)
    expect(grad(e, 'A1')).toBe(7)
  })

  it('deletes: references to deleted cells become #REF!, ranges shrink, names on deleted cells go', () => {
    const e = createEngine(docOf({ A1: '1', A2: { input: '2', name: 'gone' }, A3: '3', B1: '=A2 + A3', C1: '=SUM(A1:A3)', B3: '=gone' }, 'A3'))
    run(e, { type: 'deleteRows', sheet: 'Sheet1', at: 2, count: 1 })
    expect(inputs(e)).toEqual({ A1: '1', A2: '3', B1: '=#REF! + A2', C1: '=SUM(A1:A2)', B2: '=gone' })
    expect(e.cell('Sheet1', 'B2').value).toMatchObject({ kind: 'error', error: { code: '#NAME?' } })
    expect(e.cells().some((c) => c.name === 'gone')).toBe(false)
    expect(e.objective().ref).toBe('A2')
    run(e, { type: 'deleteRows', sheet: 'Sheet1', at: 2, count: 1 })
    expect(e.objective().ref).toBe('#REF!')
    expect(e.objective().unavailableReason).toMatch(/#REF!/)
  })

  it('moves and removes column widths with their columns', () => {
    const e = createEngine(docOf({ A1: '1' }))
    e.apply([
      { type: 'setColumnWidth', sheet: 'Sheet1', column: 'B', width: 120 },
      { type: 'setColumnWidth', sheet: 'Sheet1', column: 'D', width: 40 },
    ])
    run(e, { type: 'insertColumns', sheet: 'Sheet1', at: 2, count: 1 })
    expect(e.toDocument().sheets[0].columns).toEqual({ C: { width: 120 }, E: { width: 40 } })
    run(e, { type: 'deleteColumns', sheet: 'Sheet1', at: 3, count: 2 })
    expect(e.toDocument().sheets[0].columns).toEqual({ C: { width: 40 } })
    expect(e.columnWidth('Sheet1', 'c')).toBe(40)
  })

  it('refuses to push cells past the last row or column, and bad positions', () => {
    const e = createEngine(docOf({ A1048575: '1', XFC1: '2' }))
    expect(run(e, { type: 'insertRows', sheet: 'Sheet1', at: 5, count: 2 })[0]).toMatch(/push A1048575 past row 1,048,576/)
    expect(run(e, { type: 'insertColumns', sheet: 'Sheet1', at: 1, count: 2 })[0]).toMatch(/push XFC1 past column XFD/)
    expect(run(e, { type: 'insertRows', sheet: 'Sheet1', at: 5, count: 1 })).toEqual([])
    expect(run(e, { type: 'deleteRows', sheet: 'Sheet1', at: 0, count: 1 })[0]).toMatch(/whole number of 1 or more/)
    expect(run(e, { type: 'deleteRows', sheet: 'Sheet1', at: 1048576, count: 2 })[0]).toMatch(/past the last/)
    expect(run(e, { type: 'insertRows', sheet: 'Sheet1', at: 1, count: 1.5 })[0]).toMatch(/whole number/)
  })
})

describe('#REF! in formulas', () => {
  it('computes as a #REF! error saying why, also behind a sheet name, inside SUM, and in any case', () => {
    const e = createEngine(docOf({ A1: '=#REF! + 1', A2: '=SUM(Data!#REF!)', A3: '=#ref!', A4: '="#REF!"' }, null, [{ name: 'Data', cells: {} }]))
    for (const a of ['A1', 'A2', 'A3'])
      expect(e.cell('Sheet1', a).value).toEqual({ kind: 'error', error: { code: '#REF!', message: 'the referenced cell was deleted or moved off the sheet' } })
    expect(e.cell('Sheet1', 'A4').value).toEqual({ kind: 'text', value: '#REF!' })
  })
})

describe('the order of expanded edits', () => {
  it('empties replaced formulas last cell first, then writes inputs in order (keeps rebinding linear in the engine)', () => {
    const e = createEngine(docOf({ A1: '1', B1: '=$A$1', B2: '=$A$1', B3: '=$A$1' }))
    const edits = expandEdit(e, { type: 'insertRows', sheet: 'Sheet1', at: 1, count: 1 }) as Edit[]
    const inputs = edits.filter((x) => x.type === 'setInput').map((x) => (x.type === 'setInput' ? `${x.address}:${x.input}` : ''))
    expect(inputs).toEqual(['B3:', 'B2:', 'B1:', 'A1:', 'B2:=$A$2', 'B3:=$A$2', 'A2:1', 'B4:=$A$2'])
  })
})

describe('setColumnWidth', () => {
  it('stores widths in the sheet columns field and refuses bad ones', () => {
    const e = createEngine()
    expect(run(e, { type: 'setColumnWidth', sheet: 'Sheet1', column: 'b', width: 120 })).toEqual([])
    expect(e.toDocument().sheets[0].columns).toEqual({ B: { width: 120 } })
    expect(run(e, { type: 'setColumnWidth', sheet: 'Sheet1', column: 'B', width: -3 })[0]).toMatch(/from 1 to 4096/)
    expect(run(e, { type: 'setColumnWidth', sheet: 'Sheet1', column: 'XFE', width: 3 })[0]).toMatch(/not a column/)
    expect(run(e, { type: 'setColumnWidth', sheet: 'Sheet1', column: 'B', width: null })).toEqual([])
    expect(e.toDocument().sheets[0].columns).toBeUndefined()
  })
})
