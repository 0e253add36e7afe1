// math.js's past security exploits and other attempts to reach code: every one is a
// #NAME? or #PARSE! value, and nothing runs.
import { afterEach, describe, expect, it } from 'vitest'
import { book } from '../test/helpers'

const HOSTILE = [
  'cos.constructor("return process")()',
  '[].map.constructor("return this")()',
  'sin.constructor("alert(1)")()',
  'evaluate("1 + 1")',
  'parse("1")',
  'compile("1")',
  'import({ pwned: 1 }, { override: true })',
  'createUnit("foo")',
  'simplify("x + x")',
  'derivative("x^2", "x")',
  'resolve("x")',
  'x = 1',
  'f(x) = x',
  '{}.constructor',
  '{ a: 1 }',
  'this',
  'constructor',
  '__proto__',
  'a.__proto__',
  'A1["constructor"]',
  'typed("f", {})',
  'chain(1)',
  'Function("return 1")()',
  'eval("1")',
  '1; 2',
  '5!',
  '"a" to "b"',
  // More of math.js's published sandbox escapes and their variants (permanent regressions).
  'cos["constructor"]("return process")()',
  'cos . constructor("return 1")()',
  'isNaN.constructor("return process")()',
  '"".toString.constructor("return this")()',
  '[1, 2].toString.constructor("return 1")()',
  'sqrt.bind(1)',
  'sqrt.apply(0, [4])',
  'toString.call(1)',
  'import({ matrix: cos.constructor("return process")() }, { override: true })',
  'evaluate("cos.constructor(\\"return process\\")()")',
  'createUnit("pwned", { definition: "1 m" })',
  'f(x) = x; f.constructor',
  '(1 ? cos.constructor : 0)("return 1")()',
  '{ constructor: 1 }',
  '{}["__proto__"]["pwned"] = 1',
  'x = {}; x.constructor.prototype.pwned = 1',
  '[1][0].constructor',
  'reviver("x")',
  'config({ number: "BigNumber" })',
  'help(cos)',
  '1 cm to inch',
  'unit("5 cm")',
  'A1.constructor',
  'SUM.constructor("return 1")()',
  'globalThis',
  'process.exit(1)',
  'require("fs")',
  'window.location',
]

afterEach(() => {
  expect((globalThis as Record<string, unknown>).pwned).toBeUndefined()
})

describe('hostile formulas', () => {
  for (const formula of HOSTILE)
    it(`refuses ${formula}`, () => {
      const e = book({ A1: '2', B1: '=' + formula })
      const v = e.cell('Sheet1', 'B1').value
      expect(v.kind).toBe('error')
      if (v.kind === 'error') {
        expect(['#NAME?', '#PARSE!']).toContain(v.error.code)
        expect(v.error.message.length).toBeGreaterThan(5)
      }
    })

  it('says why a forbidden function is refused', () => {
    const e = book({ B1: '=evaluate("1")', B2: '=import({}, {})', B3: '=foo(1)' })
    expect(e.cell('Sheet1', 'B1').value).toMatchObject({ error: { code: '#NAME?', message: 'evaluate is not allowed in formulas (it could define or run code)' } })
    expect(e.cell('Sheet1', 'B2').value).toMatchObject({ error: { code: '#NAME?' } })
    expect(e.cell('Sheet1', 'B3').value).toMatchObject({ error: { code: '#NAME?', message: 'unknown function foo' } })
  })

  it('does not let names like __proto__ or constructor be cell names', () => {
    const e = book({ A1: '1' })
    const r = e.apply([
      { type: 'setName', sheet: 'Sheet1', address: 'A1', name: '__proto__x$' },
      { type: 'setName', sheet: 'Sheet1', address: 'A1', name: 'constructor' },
      { type: 'setName', sheet: 'Sheet1', address: 'A1', name: 'evaluate' },
    ])
    expect(r.rejected).toHaveLength(3)
  })

  it('survives deeply nested formulas with a clear error', () => {
    const e = book({ A1: '=' + '('.repeat(20000) + '1' + ')'.repeat(20000) })
    expect(e.cell('Sheet1', 'A1').value).toMatchObject({ kind: 'error', error: { code: '#PARSE!' } })
  })
})
