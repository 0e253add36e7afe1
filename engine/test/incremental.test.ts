// Incremental updates: only downstream cells are recomputed (counted), change lists
// list exactly what changed, names and sheets rewire dynamically.
import { describe, expect, it } from 'vitest'
import { createEngine } from '../index'
import { book, docOf, errorOf, grad, num } from './helpers'

const chain = (n: number) => {
  const cells: Record<string, string | { input: string; name?: string }> = { A1: '1' }
  for (let i = 2; i <= n; i++) cells[`A${i}`] = `=A${i - 1} + 1`
  cells[`A${n}`] = { input: `=A${n - 1} + 1`, name: 'J' }
  return book(cells)
}

describe('incremental recomputation', () => {
  it('recomputes only the cells downstream of an edit', () => {
    const e = chain(100)
    const r = e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'A90', input: '=A89 * 2' }])
    expect(r.stats.forwardEvaluations).toBe(11)
    expect(num(e, 'A100')).toBe(89 * 2 + 10)
    const r2 = e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'A1', input: '2' }])
    expect(r2.stats.forwardEvaluations).toBe(99)
  })

  it('stops where a value does not change', () => {
    const e = book({ A1: '1', A2: '=A1 * 0', A3: '=A2 + 1', B1: '=A1 + 1' })
    const r = e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'A1', input: '5' }])
    expect(r.stats.forwardEvaluations).toBe(2) // A2 and B1; A3 sees no change
    expect(r.cells.map((c) => c.address).sort()).toEqual(['A1', 'B1'])
  })

  it('lists only the cells whose input, value or gradient changed', () => {
    const e = book({ A1: '3', A2: { input: '=A1^2', name: 'J' }, C1: '7', C2: '=C1 + 1' })
    const r = e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'A1', input: '4' }])
    expect(r.cells.map((c) => [c.address, c.value, c.grad])).toEqual([
      ['A1', { kind: 'number', value: 4 }, { kind: 'number', value: 8 }],
      ['A2', { kind: 'number', value: 16 }, { kind: 'number', value: 1 }],
    ])
    expect(r.stats.reverseVisits).toBe(1)
  })

  it('reports cells that became empty', () => {
    const e = book({ A1: '3', A2: '=A1 + 1' })
    const r = e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'A1', input: '' }])
    expect(r.cells.find((c) => c.address === 'A1')).toMatchObject({ input: '', value: { kind: 'empty' } })
    expect(num(e, 'A2')).toBe(1)
  })

  it('refuses bad edits without throwing or changing anything', () => {
    const e = book({ A1: { input: '1', name: 'x' }, A2: '2' })
    const r = e.apply([
      { type: 'setInput', sheet: 'Nope', address: 'A1', input: '1' },
      { type: 'setInput', sheet: 'Sheet1', address: 'ZZZZ1', input: '1' },
      { type: 'setName', sheet: 'Sheet1', address: 'A2', name: 'x' },
      { type: 'setName', sheet: 'Sheet1', address: 'A2', name: 'B7' },
      { type: 'deleteSheet', name: 'Sheet1' },
      { type: 'addSheet', name: 'sheet1' },
      { type: 'bogus' } as never,
    ])
    expect(r.rejected.map((x) => x.message)).toEqual([
      'there is no sheet named "Nope"',
      '"ZZZZ1" is not a cell address (columns A to XFD, rows 1 to 1048576)',
      'the name "x" is already used by Sheet1!A1',
      '"B7" looks like a cell address, so it cannot be a name',
      'a workbook needs at least one sheet',
      'there is already a sheet named "Sheet1"',
      'unknown edit type "bogus"',
    ])
    expect(r.cells).toEqual([])
  })
})

describe('names', () => {
  it('an undefined name is #NAME? and recovers when the name is assigned, and back', () => {
    const e = book({ A1: '=rate * 2', B1: '5' })
    expect(errorOf(e, 'A1').code).toBe('#NAME?')
    e.apply([{ type: 'setName', sheet: 'Sheet1', address: 'B1', name: 'rate' }])
    expect(num(e, 'A1')).toBe(10)
    e.apply([{ type: 'setName', sheet: 'Sheet1', address: 'B1', name: null }])
    expect(errorOf(e, 'A1').code).toBe('#NAME?')
  })

  it('moving a name to another cell rewires its users', () => {
    const e = book({ A1: { input: '1', name: 'w' }, A2: '10', B1: '=w + 1' })
    e.apply([{ type: 'setName', sheet: 'Sheet1', address: 'A1', name: null }, { type: 'setName', sheet: 'Sheet1', address: 'A2', name: 'w' }])
    expect(num(e, 'B1')).toBe(11)
    e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'A2', input: '20' }])
    expect(num(e, 'B1')).toBe(21)
  })

  it('the default objective follows the name J', () => {
    const e = book({ A1: '2', A2: '=A1 * 5' })
    e.apply([{ type: 'setName', sheet: 'Sheet1', address: 'A2', name: 'J' }])
    expect(grad(e, 'A1')).toBe(5)
  })

  it('setObjective switches the objective', () => {
    const e = book({ A1: '2', A2: { input: '=A1 * 5', name: 'J' }, A3: '=A1 * 7' })
    const r = e.apply([{ type: 'setObjective', ref: 'A3' }])
    expect(grad(e, 'A1')).toBe(7)
    expect(r.objective).toMatchObject({ ref: 'A3', cell: 'Sheet1!A3', value: 14 })
  })
})

describe('cycles', () => {
  it('creating and breaking a cycle; cells outside it keep computing', () => {
    const e = book({ A1: '1', A2: '=A1 + 1', A3: '=A2 + 1', B1: '4', B2: '=B1 * 2' })
    e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'A1', input: '=A3' }])
    expect(['A1', 'A2', 'A3'].map((a) => errorOf(e, a).code)).toEqual(['#CYCLE!', '#CYCLE!', '#CYCLE!'])
    expect(errorOf(e, 'A1').message).toBe('circular reference: A1 → A3 → A2 → A1')
    expect(num(e, 'B2')).toBe(8)
    e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'A1', input: '10' }])
    expect([num(e, 'A1'), num(e, 'A2'), num(e, 'A3')]).toEqual([10, 11, 12])
  })

  it('handles a chain 200,000 cells deep without recursion', { timeout: 60_000 }, () => {
    const cells: Record<string, { input: string }> = { A1: { input: '1' } }
    for (let i = 2; i <= 200_000; i++) cells[`A${i}`] = { input: `=A${i - 1}+1` }
    const e = createEngine({ format: 'gradsheet', version: 1, objective: 'A200000', sheets: [{ name: 'Sheet1', cells }] })
    expect(num(e, 'A200000')).toBe(200_000)
    expect(grad(e, 'A1')).toBe(1)
  })
})

describe('sheets', () => {
  const two = () => createEngine(docOf({ A1: '=Data!A1 * 2', A2: "='Data'!A1:A2", A3: { input: '=sum(A2)', name: 'J' } }, null, [{ name: 'Data', cells: { A1: '3', A2: '4' } }]))

  it('cross-sheet references compute and differentiate', () => {
    const e = two()
    expect(num(e, 'A1')).toBe(6)
    expect(grad(e, 'A1', 'Data')).toBe(1)
  })

  it('renameSheet rewrites references in formulas', () => {
    const e = two()
    const r = e.apply([{ type: 'renameSheet', from: 'Data', to: 'My data' }])
    expect(r.sheets).toEqual(['Sheet1', 'My data'])
    expect(e.cell('Sheet1', 'A1').input).toBe("='My data'!A1 * 2")
    expect(e.cell('Sheet1', 'A2').input).toBe("='My data'!A1:A2")
    expect(num(e, 'A1')).toBe(6)
  })

  it('deleteSheet turns references to it into #REF!; adding it back restores them', () => {
    const e = two()
    const r = e.apply([{ type: 'deleteSheet', name: 'Data' }])
    expect(r.sheets).toEqual(['Sheet1'])
    expect(errorOf(e, 'A1')).toEqual({ code: '#REF!', message: 'there is no sheet named "Data"' })
    e.apply([{ type: 'addSheet', name: 'Data', index: 0 }, { type: 'setInput', sheet: 'Data', address: 'A1', input: '5' }])
    expect(e.sheets()).toEqual(['Data', 'Sheet1'])
    expect(num(e, 'A1')).toBe(10)
  })
})

describe('documents', () => {
  it('toDocument gives back the loaded shape with unknown fields preserved', () => {
    const doc = {
      format: 'gradsheet' as const, version: 1 as const, objective: 'J', app: { zoom: 2 },
      sheets: [{ name: 'Sheet1', color: 'red', cells: { A1: { input: '1', name: 'x', param: true, note: 'keep' }, B2: { input: '=x*2', name: 'J', param: false } } }],
    }
    const e = createEngine(structuredClone(doc))
    expect(e.toDocument()).toEqual(doc)
    e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'C3', input: 'hello' }])
    expect(e.toDocument().sheets[0].cells.C3).toEqual({ input: 'hello' })
  })

  it('resolveRef understands addresses, sheet-qualified addresses and names', () => {
    const e = createEngine(docOf({ B4: { input: '1', name: 'w' } }, null, [{ name: 'My data', cells: {} }]))
    expect(e.resolveRef('b4')).toEqual({ sheet: 'Sheet1', address: 'B4' })
    expect(e.resolveRef("'My data'!a1")).toEqual({ sheet: 'My data', address: 'A1' })
    expect(e.resolveRef('w')).toEqual({ sheet: 'Sheet1', address: 'B4' })
    expect(e.resolveRef('nothing')).toBeNull()
    expect(e.resolveRef('Nosheet!A1')).toBeNull()
  })

  it('cells() lists non-empty cells, sheets in order, row-major', () => {
    const e = book({ B2: '1', A2: '2', C1: '3' })
    expect(e.cells().map((c) => c.address)).toEqual(['C1', 'A2', 'B2'])
    expect(createEngine().sheets()).toEqual(['Sheet1'])
  })
})

describe('robustness', () => {
  it('refuses junk edits with a message instead of throwing', () => {
    const e = book({ A1: '1' })
    const junk = [null, 42, 'x', { type: 'setInput', sheet: 'Sheet1', address: 'A1', input: 5 }, { type: 'setName', sheet: 'Sheet1', address: 'A1', name: 7 }] as never[]
    const r = e.apply(junk)
    expect(r.rejected).toHaveLength(5)
    expect(r.rejected.every((x) => x.message.length > 5)).toBe(true)
    expect(num(e, 'A1')).toBe(1)
  })

  it('an edit that changes nothing recomputes nothing', () => {
    const e = book({ A1: '1', A2: { input: '=A1 * 2', name: 'J' } })
    const r = e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'A1', input: '1' }])
    expect(r.stats).toEqual({ forwardEvaluations: 0, reverseVisits: 0 })
    expect(r.cells.map((c) => c.address)).toEqual(['A1'])
  })

  it('a formula edit that keeps the value still refreshes gradients', () => {
    const e = book({ A1: '0', A2: { input: '=A1 * 2', name: 'J' } })
    e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'A2', input: '=A1 * 3' }])
    expect(grad(e, 'A1')).toBe(3)
  })
})

describe('long cycles', () => {
  it('closing a 20,000-cell chain into a cycle marks every cell quickly, with a short message', () => {
    const cells: Record<string, string> = { A1: '1' }
    for (let i = 2; i <= 20_000; i++) cells[`A${i}`] = `=A${i - 1} + 1`
    const e = book(cells)
    const started = Date.now()
    const r = e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'A1', input: '=A20000' }])
    expect(Date.now() - started).toBeLessThan(20_000)
    expect(r.cells).toHaveLength(20_000)
    const m = errorOf(e, 'A5000')
    expect(m.code).toBe('#CYCLE!')
    expect(m.message).toMatch(/^circular reference: A1 → A20000 → A19999 → A19998 → A19997 → … 19991 more … → .* → A1$/)
    expect(m.message.length).toBeLessThan(200)
    e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'A1', input: '1' }])
    expect(num(e, 'A20000')).toBe(20_000)
  })
})

describe('names read by many formulas', () => {
  it('moving a name that 30,000 formulas read rebinds them all quickly', () => {
    const cells: Record<string, string | { input: string; name?: string }> = { B1: { input: '2', name: 'w' }, B2: '3' }
    for (let i = 1; i <= 30_000; i++) cells[`A${i}`] = `=w * ${i}`
    const e = book(cells)
    const started = Date.now()
    e.apply([{ type: 'setName', sheet: 'Sheet1', address: 'B1', name: null }, { type: 'setName', sheet: 'Sheet1', address: 'B2', name: 'w' }])
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(num(e, 'A30000')).toBe(90_000)
    e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'B2', input: '4' }])
    expect(num(e, 'A10')).toBe(40)
  })
})
