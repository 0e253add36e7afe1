// The exported Python runs (SPEC §6): for every example workbook and for random
// workbooks (fast-check, fixed seed), /usr/bin/python3 with Debian's torch prints the
// engine's J and, through torch autograd, the engine's ∂J/∂cell for every input cell J
// depends on (relative 1e-9, float64). The NumPy module prints the same J. One Python
// process runs all modules (runpy), so torch is imported once.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { createEngine, type Engine } from '../index'
import { restoreDocument } from '../workbook'
import { docOf, type CellSpec } from '../test/helpers'
import { exportPython } from './module'
import { planExport } from './plan'

const PYTHON = '/usr/bin/python3'
const root = resolve(import.meta.dirname, '../..')
const dir = mkdtempSync(join(tmpdir(), 'gradsheet-export-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const DRIVER = `
import io, json, runpy, sys, contextlib
for path in sys.argv[1:]:
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            runpy.run_path(path, run_name="__main__")
        print(json.dumps({"path": path, "out": out.getvalue().strip()}))
    except Exception as e:
        print(json.dumps({"path": path, "error": repr(e)}))
`

interface Case {
  label: string
  engine: Engine
  inlineDataLimit?: number
}

/** Writes every case's torch and numpy modules, runs them in one python3, returns the parsed outputs. */
function runAll(cases: Case[]): Map<string, { J: number; grads: Record<string, unknown> | null }> {
  const paths: string[] = []
  cases.forEach((c, i) => {
    for (const target of ['pytorch', 'numpy'] as const) {
      const name = `case${i}_${target}.py`
      const result = exportPython(c.engine, { target, moduleFileName: name, inlineDataLimit: c.inlineDataLimit })
      if (!result.ok) throw new Error(`${c.label}: ${result.error}`)
      writeFileSync(join(dir, name), result.code)
      for (const f of result.files) writeFileSync(join(dir, f.name), f.text)
      paths.push(join(dir, name))
    }
  })
  writeFileSync(join(dir, 'driver.py'), DRIVER)
  const text = execFileSync(PYTHON, [join(dir, 'driver.py'), ...paths], { encoding: 'utf8', maxBuffer: 1 << 28 })
  const out = new Map<string, { J: number; grads: Record<string, unknown> | null }>()
  for (const line of text.trim().split('\n')) {
    const r = JSON.parse(line)
    if (r.error) throw new Error(`${r.path}: ${r.error}\n${readFileSync(r.path, 'utf8').split('\n').filter((l: string) => l.includes('#')).slice(-40).join('\n')}`)
    out.set(r.path.split('/').pop(), JSON.parse(r.out))
  }
  return out
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-300) || Math.abs(a - b) < 1e-300

function expectClose(actual: unknown, expected: unknown, where: string): void {
  if (typeof expected === 'number') {
    expect(typeof actual, where).toBe('number')
    if (!close(actual as number, expected)) expect(actual, where).toBe(expected)
  } else {
    expect(Array.isArray(actual), where).toBe(true)
    ;(expected as unknown[]).forEach((e, i) => expectClose((actual as unknown[])[i], e, `${where}[${i}]`))
  }
}

/** The engine's J and its gradient for every input cell of J's cone. */
function engineAnswer(engine: Engine): { J: number; grads: Record<string, unknown> } {
  const plan = planExport(engine)
  if ('error' in plan) throw new Error(plan.error)
  const grads: Record<string, unknown> = {}
  for (const c of plan.order) {
    if (c.role !== 'data' && c.role !== 'param' && c.role !== 'literal') continue
    const g = c.view.grad
    grads[c.key] = g.kind === 'number' || g.kind === 'tensor' ? g.value : 0
  }
  return { J: engine.objective().value!, grads }
}

function check(cases: Case[]): void {
  const results = runAll(cases)
  cases.forEach((c, i) => {
    const want = engineAnswer(c.engine)
    const torch = results.get(`case${i}_pytorch.py`)!
    const numpy = results.get(`case${i}_numpy.py`)!
    expectClose(torch.J, want.J, `${c.label}: J (torch)`)
    expectClose(numpy.J, want.J, `${c.label}: J (numpy)`)
    expect(numpy.grads).toBe(null)
    expect(Object.keys(torch.grads!).sort(), c.label).toEqual(Object.keys(want.grads).sort())
    for (const [key, g] of Object.entries(want.grads)) expectClose(torch.grads![key], g, `${c.label}: dJ/d${key}`)
  })
}

describe('exported modules compute the engine\'s J and gradients', { timeout: 240_000 }, () => {
  it('at the conventions of SPEC §4: ties, kinks, branches, pow at a ≤ 0, skipped blanks and labels', () => {
    const conventions: Record<string, CellSpec>[] = [
      { A1: '1', A2: '1', A3: '0.5', B1: { input: '=MAX(A1, A2, A3) * 3 + max(A2, A1) + min(A3, A1) * MIN(A1:A3)', name: 'J' } },
      { A1: '0', A2: '2', B1: { input: '=abs(A1) + relu(A1) * A2 + sign(A1) + A2 * abs(A1 - 0)', name: 'J' } },
      { A1: '-2', A2: '3', B1: { input: '=A1^A2 + POWER(A1, 2) + 0^A2 + IF(A1 < 0, A2 * 2, 1/0)', name: 'J' } },
      { A1: '2', A2: '', A3: 'text', A4: '3', B1: { input: '=SUM(A1:A4) * AVERAGE(A1:A4) + COUNT(A1:A4) + MAX(A2:A3) + PRODUCT(A1:A4)', name: 'J' } },
      { A1: '0', A2: '2', B1: { input: '=norm([A1, 0]) + sqrt(A2) + mod(A2, 0.75) + fix(A2) + ceil(A1)', name: 'J' } },
      { A1: '1', A2: '1', A3: '3', A4: '-2', B1: { input: "=median(A1:A4) * 2 + median(A1, A3, A2) + std(A1:A4) + variance(A1, A2, A3, \"uncorrected\") + std(A1, A2) + hypot(A3, A4) + nthRoot(A3, 3) + nthRoot(A4, 3) + erf(A4 / 3)", name: 'J' } },
      { A1: '2', A2: '0.5', A3: '1.5', A4: '-1', B1: { input: "=det([[A1, A2], [A3, A4]]) + sum(inv([[A1, A2], [A3, A4]]) * [1, 2]) + trace([[A1, A2], [A3, A4]]) + sum(diag([A1, A2])) + sum(cumsum([A1, A2, A3])) + sum(cumsum([[A1, A2], [A3, A4]], 1) .* [[1, 2], [3, 4]]) + dot(cross([A1, A2, A3], [A4, 1, 2]), [1, 2, 3]) + sum([[A1, A2]]' * [A3])", name: 'J' } },
      { A1: '2', A2: '0.5', B1: { input: '=coth(A1) + sech(A2) + csch(A1) + acot(A2) + asec(A1) + acsc(A1) + acoth(A1) + asech(A2) + acsch(A2)', name: 'J' } },
    ]
    check(conventions.map((spec, i) => ({ label: `convention ${i + 1}: ${JSON.stringify(spec)}`, engine: createEngine(docOf(spec, 'J')) })))
  })

  it('for every example workbook (data inline and in a CSV file beside the module)', () => {
    const cases: Case[] = []
    for (const file of readdirSync(join(root, 'examples')).filter((f) => f.endsWith('.gradsheet'))) {
      const read = restoreDocument(readFileSync(join(root, 'examples', file), 'utf8'))
      if (!read.ok) throw new Error(read.error)
      cases.push({ label: file, engine: createEngine(read.doc) })
      cases.push({ label: `${file} (data in CSV)`, engine: createEngine(read.doc), inlineDataLimit: 0 })
    }
    check(cases)
  })

  it('for random workbooks: spreadsheet reductions over blanks and labels, ties, branches, kinks, tensors', () => {
    const OPS: ((a: string, b: string) => string)[] = [
      (a, b) => `${a} + ${b} * 2`,
      (a, b) => `${a} - ${b} / 3`,
      (a, b) => `tanh(${a} * ${b})`,
      (a, b) => `${a} / (1 + ${b}^2)`,
      (a, b) => `sigmoid(${a}) * exp(-${b}^2)`,
      (a) => `softplus(${a}) + relu(${a}) + abs(${a})`,
      (a, b) => `log(1 + ${a}^2) + sqrt(1 + ${b}^2)`,
      (a, b) => `IF(${a} > ${b}, ${a} * ${b}, ${b} - 1)`,
      (a, b) => `MAX(${a}, ${b}, ${a}) + MIN(D1:D4) * ${b}`,
      (a, b) => `max(${a}, ${b}) - min(${a}, 0)`,
      (a) => `SUM(D1:D4) * ${a} + AVERAGE(D1:E2)`,
      (a) => `SUMSQ(D1:D4) + PRODUCT(D1:D3) * ${a} + COUNT(D1:E4)`,
      (a, b) => `SUMPRODUCT(D1:D4, D1:D4) * ${a} + ${b}`,
      (a, b) => `sum(A1:A4) * ${a} - mean(A1:A4) * ${b} + prod(A1:A3)`,
      (a, b) => `ROUND(${a}, 1) * ${b} + floor(${a}) + mod(${a}, 1.5)`,
      (a, b) => `POWER(1 + ${a}^2, ${b}) + (1 + ${b}^2)^${a}`,
      (a, b) => `logsumexp(${a}, ${b}, 1) + norm([${a}, ${b}])`,
      (a, b) => `sum([[${a}, 1], [${b}, 2]] * [${b}, ${a}])`,
      (a, b) => `dot(sigmoid([${a}, ${b}]), softmax([${b}, ${a}]))`,
      (a, b) => `sum(transpose([[${a}, ${b}], [1, 2]]) .* [[${b}, 1], [3, ${a}]])`,
      (a, b) => `bce_logits(${a}, 0.25) + cross_entropy([${a}, ${b}, 0.5], 2)`,
      (a, b) => `AND(${a} > 0, ${b} < 1) ? ${a} : ${b} * 3`,
      (a, b) => `LN(2 + ${a}^2) + LOG(3 + ${b}^2) + LOG10(4 + ${a}^2) + EXP(${b} / 4)`,
      (a, b) => `sum(multiply(A1:B2, [${a}, ${b}]))`,
      (a, b) => `median(${a}, ${b}, 0.5) + std(${a}, ${b}, 1) + cumsum([${a}, ${b}])[2]`.replace('[2]', ' * [0, 1]'),
      (a, b) => `det([[${a}, 1], [${b}, 3]]) + erf(${a}) * hypot(${a}, ${b}, 1)`,
    ]
    const workbook = fc.record({
      // Halves from -2 to 2: ties between cells and kinks at 0 happen often.
      inputs: fc.array(fc.integer({ min: -4, max: 4 }).map((n) => n / 2), { minLength: 4, maxLength: 4 }),
      params: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      column: fc.array(fc.oneof(fc.integer({ min: -9, max: 9 }).map((n) => String(n / 4)), fc.constantFrom('', 'label')), { minLength: 8, maxLength: 8 }),
      cells: fc.array(fc.record({ op: fc.nat(OPS.length - 1), a: fc.nat(), b: fc.nat(), named: fc.boolean() }), { minLength: 1, maxLength: 8 }),
    })
    const cases: Case[] = []
    fc.assert(
      fc.property(workbook, ({ inputs, params, column, cells }) => {
        const spec: Record<string, CellSpec> = {}
        inputs.forEach((x, i) => (spec[`A${i + 1}`] = { input: String(x), name: `in_${i}`, param: params[i] }))
        column.forEach((text, i) => text !== '' && (spec[`${i < 4 ? 'D' : 'E'}${(i % 4) + 1}`] = { input: text === 'label' ? 'a label' : text }))
        spec.B5 = '0.5' // a data cell read through B1:B2 style ranges is covered by A1:B2 in the ops
        const refs = inputs.map((_, i) => (i % 2 ? `in_${i}` : `A${i + 1}`))
        cells.forEach((c, k) => {
          const pick = (n: number) => refs[n % refs.length]
          const address = `C${k + 1}`
          const input = '=' + OPS[c.op](pick(c.a), pick(c.b))
          spec[address] = c.named ? { input, name: `h_${k}` } : input
          refs.push(c.named ? `h_${k}` : address)
        })
        spec.F1 = { input: '=' + refs.slice(inputs.length).map((r, i) => `${i + 1} * ${r}`).join(' + '), name: 'J' }
        const engine = createEngine(docOf(spec, 'J'))
        if (engine.objective().unavailableReason !== null) return // a random formula in error: nothing to export
        cases.push({ label: JSON.stringify(spec), engine })
      }),
      { numRuns: 40, seed: 20261130 },
    )
    expect(cases.length).toBeGreaterThan(20)
    check(cases)
  })

  it('for random filled-down blocks: vector lines (and the rows that must stay cell by cell) give the engine\'s J and gradients', () => {
    // Column C is filled down from row 1 over data columns A and B (A read one row lower
    // too), with named and $-absolute scalars; column D reads C (the same row, the row
    // below, or its own previous row: a recurrence that must stay cell by cell). Holes:
    // a blank in A, a blank or a label across C and D. Halves and quarters make ties and kinks.
    const C_FORMS: ((r: number) => string)[] = [
      (r) => `w * A${r} + b`,
      (r) => `tanh(w * A${r}) * $F$3`,
      (r) => `(A${r} - B${r})^2`,
      (r) => `IF(A${r} > 0, w * A${r}, b * A${r})`,
      (r) => `MAX(A${r}, 0) * w + MIN(B${r}, b)`,
      (r) => `sqrt(A${r}^2 + 1) + abs(B${r}) + relu(A${r} - w)`,
      (r) => `IF(A${r} != 0, log(abs(A${r})), 0) + w`,
      (r) => `A${r + 1} * w - B${r}`,
      (r) => `ROUND(A${r}, 1) * w + mod(B${r}, 1.5) + floor(A${r})`,
      (r) => `$F$3 * 2 + b`,
      (r) => `POWER(1 + A${r}^2, w) + (1 + w^2)^B${r}`,
      (r) => `sigmoid(A${r} * w) + softplus(B${r}) - exp(-A${r}^2)`,
      (r) => `IF(A${r} > b, A${r}, B${r} * w)`,
      (r) => `A${r} > 0 ? sqrt(abs(A${r})) : w`,
      (r) => `max(A${r}, B${r}, w) - min(A${r}, $F$3)`,
      (r) => `AND(A${r} > 0, B${r} > 0) ? A${r} : B${r}`,
      (r) => `IF(OR(NOT(A${r} > 0), B${r} > 1), A${r} * w, B${r})`,
    ]
    const D_FORMS: ((r: number) => string)[] = [
      (r) => `(C${r} - B${r})^2`,
      (r) => `C${r + 1} - C${r} + A${r}`,
      (r) => `MAX(C${r}, B${r}) * w`,
      (r) => `C${r} * $F$3 + A${r + 1}`,
      (r) => `IF(C${r} > 1, C${r}, 2 * C${r})`,
      (r) => (r === 1 ? `C1` : `D${r - 1} * 0.5 + C${r}`),
    ]
    const J_FORMS: ((n: number) => string)[] = [
      (n) => `AVERAGE(D1:D${n})`,
      (n) => `SUM(D1:D${n}) + SUMSQ(C1:C${n}) / 10`,
      (n) => `sum(D1:D${n}) * 0.5 + mean(C1:C${n})`,
      (n) => `MAX(D1:D${n}) + MIN(C1:C${n}) + C3 * 2`,
      (n) => `SUMPRODUCT(C1:C${n}, D1:D${n}) / 100`,
      (n) => `SUM(D2:D${n}) + AVERAGE(C2:C${n - 1})`,
    ]
    const quarter = fc.integer({ min: -8, max: 8 }).map((k) => k / 4)
    const block = fc.record({
      rows: fc.integer({ min: 5, max: 24 }),
      a: fc.array(quarter, { minLength: 26, maxLength: 26 }),
      b: fc.array(quarter, { minLength: 26, maxLength: 26 }),
      scalars: fc.array(quarter, { minLength: 3, maxLength: 3 }),
      c: fc.nat(C_FORMS.length - 1),
      // From this row on, column C is filled with another formula (two runs meet).
      cSwitch: fc.option(fc.record({ row: fc.integer({ min: 6, max: 16 }), form: fc.nat(C_FORMS.length - 1) }), { nil: null }),
      d: fc.nat(D_FORMS.length - 1),
      j: fc.nat(J_FORMS.length - 1),
      blankInA: fc.option(fc.nat(25), { nil: null }),
      hole: fc.option(fc.record({ row: fc.integer({ min: 2, max: 24 }), label: fc.boolean() }), { nil: null }),
    })
    const cases: Case[] = []
    let vectorised = 0
    fc.assert(
      fc.property(block, ({ rows, a, b, scalars, c, cSwitch, d, j, blankInA, hole }) => {
        const spec: Record<string, CellSpec> = {}
        for (let r = 1; r <= rows + 2; r++) {
          if (blankInA !== r) spec[`A${r}`] = String(a[r - 1])
          spec[`B${r}`] = String(b[r - 1])
        }
        spec.F1 = { input: String(scalars[0]), name: 'w', param: true }
        spec.F2 = { input: String(scalars[1]), name: 'b' }
        spec.F3 = String(scalars[2])
        for (let r = 1; r <= rows + 1; r++) {
          spec[`C${r}`] = '=' + C_FORMS[cSwitch && r >= cSwitch.row ? cSwitch.form : c](r)
          if (r <= rows) spec[`D${r}`] = '=' + D_FORMS[d](r)
        }
        if (hole && hole.row < rows) for (const col of ['C', 'D']) spec[`${col}${hole.row}`] = hole.label ? 'a label' : ''
        spec.G1 = { input: '=' + J_FORMS[j](rows), name: 'J' }
        for (const [k, v] of Object.entries(spec)) if (v === '') delete spec[k]
        const engine = createEngine(docOf(spec, 'J'))
        if (engine.objective().unavailableReason !== null) return // J in error (a label read as a number): nothing to export
        cases.push({ label: JSON.stringify(spec), engine })
        const code = exportPython(engine, { target: 'pytorch', moduleFileName: null })
        if (code.ok && / cells\): /.test(code.code)) vectorised++
      }),
      { numRuns: 60, seed: 20261201 },
    )
    expect(cases.length).toBeGreaterThan(30)
    expect(vectorised).toBeGreaterThan(cases.length / 3)
    check(cases)
  })

  it('for a 10,000-row filled-down regression: forward() has the same few lines as for 100 rows, and runs', () => {
    const forwardLines = (code: string) => code.slice(code.indexOf('    def forward(self):')).split('\n').slice(1).findIndex((l) => l.includes('return '))
    const engines = [100, 10_000].map((n) => createEngine(regression(n)))
    const codes = engines.map((engine) => exportPython(engine, { target: 'pytorch', moduleFileName: 'model.py' }))
    const lines = codes.map((c) => (c.ok ? forwardLines(c.code) : -1))
    expect(lines[0]).toBeGreaterThan(0)
    expect(lines[1]).toBe(lines[0])
    expect(lines[1]).toBeLessThanOrEqual(6) // data, w, b, pred, loss, J
    expect(codes[1].ok && codes[1].code).toContain('pred_C2_C10001 = (w * data[0:10000]) + b  # Sheet1!C2:C10001 (10000 cells): =w*A2+b')
    check(engines.map((engine, i) => ({ label: `regression ${i}`, engine })))
  })
})

/** x, y, pred = w*x + b, loss = (pred - y)^2 filled down over n rows, J = AVERAGE(loss): the shape issue 11 exports at scale. */
function regression(n: number) {
  const cells: Record<string, CellSpec> = {
    A1: 'x', B1: 'y', C1: 'pred', D1: 'loss',
    F1: { input: '0.5', name: 'w', param: true }, F2: { input: '0.1', name: 'b', param: true }, F3: { input: `=AVERAGE(D2:D${n + 1})`, name: 'J' },
  }
  for (let r = 2; r <= n + 1; r++) {
    const x = ((r * 7919) % 4001) / 1000 - 2
    cells[`A${r}`] = String(x)
    cells[`B${r}`] = String(3 * x + 1 + (((r * 104729) % 1001) / 1000 - 0.5))
    cells[`C${r}`] = `=w*A${r}+b`
    cells[`D${r}`] = `=(C${r}-B${r})^2`
  }
  return docOf(cells, 'J')
}
