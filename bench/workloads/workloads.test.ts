// The workload generators produce what they say: topological order, the stated shape,
// an edit target that reaches every formula cell, and documents/sheets/programs that
// compute the same J as the tape.
import { HyperFormula } from 'hyperformula'
import { compile } from 'mathjs'
import { describe, expect, it } from 'vitest'
import { buildTape, forward, reverse, slotOf } from '../tape/tape.ts'
import { a1 } from './address.ts'
import { buildDocument } from './document.ts'
import { buildHyperFormulaSheet } from './hyperformula-sheet.ts'
import { WORKLOADS } from './index.ts'
import { buildMathjsCells } from './mathjs-cells.ts'
import { type Op, type Ref, opReads } from './ops.ts'
import { chain } from './chain.ts'
import { fanIn } from './fanin.ts'
import { regression } from './regression.ts'
import { stencil } from './stencil.ts'

const N = 50

function collect(w: (typeof WORKLOADS)[number], n: number): { at: Ref; op: Op; name?: string }[] {
  const out: { at: Ref; op: Op; name?: string }[] = []
  w.cells(n, (at, op, name) => out.push({ at, op, name }))
  return out
}

function tapeJ(w: (typeof WORKLOADS)[number], n: number): number {
  const t = buildTape(w, n)
  forward(t)
  return t.value[slotOf(t, w.objective(n))]
}

describe.each(WORKLOADS.map((w) => [w.id, w] as const))('workload %s', (_id, w) => {
  const cells = collect(w, N)

  it('emits each cell once, after every cell it reads', () => {
    const defined = new Set<Ref>()
    for (const { at, op } of cells) {
      for (const r of opReads(op)) expect(defined.has(r), `${a1(at)} reads ${a1(r)} before it is defined`).toBe(true)
      expect(defined.has(at), `${a1(at)} emitted twice`).toBe(false)
      defined.add(at)
    }
    expect(defined.has(w.objective(N))).toBe(true)
  })

  it('edits an input that reaches every formula cell, J included', () => {
    const target = cells.find((c) => c.at === w.editTarget(N))
    expect(target?.op.code).toBe('const')
    const reached = new Set<Ref>([w.editTarget(N)])
    for (const { at, op } of cells) if (opReads(op).some((r) => reached.has(r))) reached.add(at)
    for (const { at, op } of cells) if (op.code !== 'const') expect(reached.has(at), `${a1(at)} is not downstream of the edit`).toBe(true)
  })

  it('prints a document, a HyperFormula sheet and math.js programs that all give the tape\'s J', () => {
    const J = tapeJ(w, N)
    expect(Number.isFinite(J)).toBe(true)

    const doc = buildDocument(w, N)
    expect(Object.keys(doc.sheets[0].cells)).toHaveLength(cells.length)
    expect(doc.objective).toBe(a1(w.objective(N)))

    const hf = HyperFormula.buildFromArray(buildHyperFormulaSheet(w, N), { licenseKey: 'gpl-v3', precisionRounding: 15 })
    const j = w.objective(N)
    expect(hf.getCellValue({ sheet: 0, row: Math.floor(j / 16384), col: j % 16384 })).toBeCloseTo(J, 12)
    hf.destroy()

    const scope = new Map<string, unknown>()
    for (const c of buildMathjsCells(w, N)) {
      if (c.range) scope.set('RANGE', c.range.map((addr) => scope.get(addr)))
      scope.set(c.address, typeof c.content === 'number' ? c.content : compile(c.content).evaluate(scope))
    }
    expect(scope.get(a1(w.objective(N)))).toBeCloseTo(J, 12)
  })

  it('has tape gradients that match central finite differences', () => {
    const t = buildTape(w, N)
    const J = slotOf(t, w.objective(N))
    forward(t)
    reverse(t, J)
    const h = 1e-6
    for (const { at, op } of cells) {
      if (op.code !== 'const') continue
      const s = slotOf(t, at)
      const x = t.value[s]
      t.value[s] = x + h; forward(t); const up = t.value[J]
      t.value[s] = x - h; forward(t); const down = t.value[J]
      t.value[s] = x; forward(t)
      expect(t.grad[s]).toBeCloseTo((up - down) / (2 * h), 6)
    }
  })
})

describe('workload shapes', () => {
  it('chain: N cells down column A, nine +0.0001 steps then a tanh step', () => {
    const doc = buildDocument(chain, N).sheets[0].cells
    expect(Object.keys(doc)).toHaveLength(N)
    expect(doc.A1.input).toBe('0.5')
    expect(doc.A2.input).toBe('=A1+0.0001')
    expect(doc.A11.input).toBe('=A10+0.0001*tanh(A10)')
    expect(a1(chain.objective(N))).toBe('A50')
  })

  it('fan-in: N−1 inputs and one SUM over all of them', () => {
    const doc = buildDocument(fanIn, N).sheets[0].cells
    expect(Object.keys(doc)).toHaveLength(N)
    expect(doc.B1.input).toBe('=SUM(A1:A49)')
  })

  it('stencil: a 7×7 grid at N = 50 whose inner cells read above and left', () => {
    const doc = buildDocument(stencil, N).sheets[0].cells
    expect(Object.keys(doc)).toHaveLength(49)
    expect(doc.B1.input).toBe('=A1*0.999+0.001')
    expect(doc.A2.input).toBe('=A1*0.999+0.001')
    expect(doc.C3.input).toBe('=0.5*C2+0.5*B3')
    expect(a1(stencil.objective(N))).toBe('G7')
  })

  it('regression: 11 rows of x, y, prediction and loss, named w and b, J = AVERAGE(loss)', () => {
    const doc = buildDocument(regression, N).sheets[0].cells
    expect(Object.keys(doc)).toHaveLength(4 * 11 + 3)
    expect(doc.F1).toEqual({ input: '0.5', name: 'w' })
    expect(doc.F2).toEqual({ input: '0', name: 'b' })
    expect(doc.C1.input).toBe('=w*A1+b')
    expect(doc.D1.input).toBe('=(C1-B1)^2')
    expect(doc.F3.input).toBe('=AVERAGE(D1:D11)')
  })
})
