// Fuzzing the formula path (scanner → math.js parse → allow-list lowering → evaluation →
// gradients) through the engine's public apply, the way typing reaches it. Properties:
// nothing throws or is refused as an exception, every cell is a value or an error with a
// message in words, and the heap settles across thousands of formulas.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createEngine, type CellView, type Engine } from '../index'
import { functionNames } from '../functions/table'

// A fixed seed keeps CI reproducible; GRADSHEET_FUZZ_SEED=random (or a number) explores other cases.
const fuzzSeed = process.env.GRADSHEET_FUZZ_SEED
if (fuzzSeed !== 'random') fc.configureGlobal({ seed: fuzzSeed ? Number(fuzzSeed) : 20261124 })
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

// A real garbage collection before each heap reading (exposed at run time: no runner flag needed).
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
const settledHeap = (): number => (gc(), gc(), process.memoryUsage().heapUsed)

/** Pieces formulas are made of, including the ones attackers and typos reach for. */
const TOKENS = [
  ...functionNames().slice(0, 60), 'A1', 'B2', '$C$3', 'A1:B3', 'Sheet1!A1', "'My data'!A1", 'Other!A1:A3', 'XFE1', 'A0',
  'x', 'J', 'pi', 'e', 'true', 'false', '1', '0', '-1', '1e308', '1e-320', '9'.repeat(400), '0.1', '.5', 'NaN', 'Infinity',
  '+', '-', '*', '/', '^', '.*', './', '%', '!', "'", '==', '!=', '<', '>=', 'and', 'or', 'not', '?', ':', ',', ';', '=',
  '(', ')', '[', ']', '{', '}', '.', ' ', '"', '"text"', "'q'", '\\', '$', '@', '#', '\n', '\u0000', '\u202e', '😀',
  'constructor', '__proto__', 'prototype', 'evaluate', 'import', 'Function', 'cos.constructor', '["constructor"]', 'this',
]

const tokenFormula = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((ts) => '=' + ts.join(''))
/** Syntactically plausible formulas: calls and operators over references and numbers. */
const shapedFormula = fc
  .letrec((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small' },
      fc.constantFrom('A1', 'B2', 'A1:B3', 'x', '2', '-0.5', '1e300', '[1, 2, 3]', '[[1, 2], [3, 4]]', '"s"', 'true'),
      fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '^', '.*', '<', '=='), tie('expr')).map(([a, op, b]) => `(${a} ${op} ${b})`),
      fc.tuple(fc.constantFrom(...functionNames()), fc.array(tie('expr'), { maxLength: 3 })).map(([f, args]) => `${f}(${args.join(', ')})`),
    ),
  }))
  .expr.map((e) => '=' + e)
const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }))

function newBook(): Engine {
  const e = createEngine()
  e.apply([
    { type: 'setInput', sheet: 'Sheet1', address: 'A1', input: '1.5' },
    { type: 'setInput', sheet: 'Sheet1', address: 'B2', input: '-2' },
    { type: 'setInput', sheet: 'Sheet1', address: 'A2', input: '3' },
    { type: 'setName', sheet: 'Sheet1', address: 'A1', name: 'x' },
    { type: 'setInput', sheet: 'Sheet1', address: 'D1', input: '=C1 * x' },
    { type: 'setName', sheet: 'Sheet1', address: 'D1', name: 'J' },
  ])
  return e
}

/** A cell as the UI would show it: a value or an error with words; gradients a number, none or a reason. */
function expectSound(v: CellView): void {
  const value = v.value
  expect(['empty', 'number', 'tensor', 'text', 'boolean', 'error']).toContain(value.kind)
  if (value.kind === 'number') expect(Number.isFinite(value.value)).toBe(true)
  if (value.kind === 'tensor') expect(value.value.flat().every(Number.isFinite)).toBe(true)
  if (value.kind === 'error') {
    expect(value.error.code).toMatch(/^#(PARSE!|REF!|CYCLE!|VALUE!|DIV\/0!|NUM!|NAME\?)$/)
    expect(value.error.message.length).toBeGreaterThan(5)
  }
  if (v.grad.kind === 'number') expect(Number.isFinite(v.grad.value)).toBe(true)
}

/** Types the formula into C1 (which J reads) and checks everything the edit touched. */
function typeInto(e: Engine, input: string): void {
  const r = e.apply([{ type: 'setInput', sheet: 'Sheet1', address: 'C1', input }])
  expect(r.rejected).toEqual([]) // an exception inside the engine would show up here
  for (const c of r.cells) expectSound(c)
  expectSound(e.cell('Sheet1', 'C1'))
  expect(e.cell('Sheet1', 'C1').input).toBe(input)
  // The result must survive the trip to the UI (JSON) unchanged.
  expect(JSON.parse(JSON.stringify(r.cells))).toEqual(r.cells)
}

let globalKeys: string[] = []
const NOT_POLLUTED = () => {
  expect(Object.keys(globalThis).sort()).toEqual(globalKeys)
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'constructor')).toBe(true)
}

export const FORMULA_RUNS = { tokens: 3000, shaped: 2000, text: 2000 }

describe('formula fuzzing', { timeout: 120_000 }, () => {
  globalKeys = Object.keys(globalThis).sort()

  it(`${FORMULA_RUNS.tokens} formulas made of random tokens (hostile names included)`, () => {
    const e = newBook()
    fc.assert(fc.property(tokenFormula, (f) => typeInto(e, f)), { numRuns: FORMULA_RUNS.tokens })
    NOT_POLLUTED()
  })

  it(`${FORMULA_RUNS.shaped} well-formed random expressions over every function`, () => {
    const e = newBook()
    fc.assert(fc.property(shapedFormula, (f) => typeInto(e, f)), { numRuns: FORMULA_RUNS.shaped })
    NOT_POLLUTED()
  })

  it(`${FORMULA_RUNS.text} arbitrary strings, with and without "="`, () => {
    const e = newBook()
    fc.assert(fc.property(anyText, fc.boolean(), (s, eq) => typeInto(e, eq ? '=' + s : s)), { numRuns: FORMULA_RUNS.text })
    NOT_POLLUTED()
  })

  it('oversized inputs: long, deep and wide, each an error value or a value', () => {
    const e = newBook()
    const big = [
      '=' + 'A1+'.repeat(40_000) + 'A1',
      '=' + '('.repeat(10_000) + '1' + ')'.repeat(10_000),
      '=' + '['.repeat(5_000) + '1' + ']'.repeat(5_000),
      '=' + 'sum('.repeat(3_000) + '1' + ')'.repeat(3_000),
      '=' + '-'.repeat(60_000) + '1',
      '="' + 'x'.repeat(60_000) + '"',
      '=' + '"'.repeat(70_000),
      'x'.repeat(200_000),
      '=[' + Array.from({ length: 20_000 }, (_, i) => i).join(',') + ']',
      '=constructor.constructor("return process")()',
      '=' + '9'.repeat(5_000),
      '=1e999 - 1e999',
    ]
    for (const f of big) typeInto(e, f)
    NOT_POLLUTED()
  })

  it('the heap settles: 20 rounds of 500 random formulas grow it by far less than they allocate', () => {
    const e = newBook()
    const samples = fc.sample(fc.oneof(tokenFormula, shapedFormula), { numRuns: 500, seed: 42 })
    const round = (k: number) => samples.forEach((f, i) => e.apply([{ type: 'setInput', sheet: 'Sheet1', address: `E${(i % 50) + 1}`, input: f + (k % 3 ? '' : ' ') }]))
    for (let k = 0; k < 3; k++) round(k) // warm-up: parse cache and JIT
    const before = settledHeap()
    for (let k = 0; k < 20; k++) round(k)
    const after = settledHeap()
    // 10,000 edits allocate hundreds of MB; what stays must be bounded (parse cache, 50 cells).
    expect(after).toBeLessThan(before * 1.5 + 32 * 1024 * 1024)
  })
})
