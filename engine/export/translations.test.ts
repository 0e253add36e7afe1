// Every function of the engine's table has a Python translation or an explicit "not
// exportable" entry with a reason; a workbook using a function without one is refused
// with a message naming the cell and the function.
import { describe, expect, it } from 'vitest'
import { allFunctions, functionNames, internal } from '../functions/table'
import { createEngine } from '../index'
import { docOf } from '../test/helpers'
import { exportPython } from './module'
import { TRANSLATIONS, translationOf } from './translations'

/** Functions reached through syntax (operators, literals), not callable by name. */
const SYNTAX = ['unaryMinus', 'unaryPlus', 'dotMultiply', 'dotDivide', 'dotPow', 'conditional', 'array',
  'equal', 'unequal', 'smaller', 'larger', 'smallerEq', 'largerEq', 'add', 'subtract', 'multiply', 'divide', 'pow']

describe('the translation table', () => {
  const all = [...new Set([...allFunctions().map((f) => f.name), ...functionNames(), ...SYNTAX.filter((n) => internal(n) !== undefined)])]

  it('covers the whole function table', () => {
    expect(all.length).toBeGreaterThan(80)
    const missing = all.filter((name) => translationOf(name) === undefined)
    expect(missing, `functions with neither a translation nor a "not exportable" reason: ${missing.join(', ')}`).toEqual([])
    for (const name of all) {
      const t = translationOf(name)!
      if ('notExportable' in t) expect(t.notExportable.length, name).toBeGreaterThan(10)
    }
  })

  it('has no entry for a function the engine does not have', () => {
    const extra = Object.keys(TRANSLATIONS).filter((name) => internal(name) === undefined)
    expect(extra).toEqual([])
  })

  it('refuses a workbook that uses a function without a translation, naming the cell and the function', () => {
    const engine = createEngine(docOf({ A1: '2', B2: { input: '=tanh(A1) * 2', name: 'J' } }, 'J'))
    const saved = TRANSLATIONS.tanh
    try {
      TRANSLATIONS.tanh = { notExportable: 'a test pretends tanh has no PyTorch equivalent' }
      const refused = exportPython(engine, { target: 'pytorch', moduleFileName: null })
      expect(refused).toEqual({ ok: false, error: 'Sheet1!B2 uses tanh, which cannot be exported: a test pretends tanh has no PyTorch equivalent' })
      delete TRANSLATIONS.tanh
      const missing = exportPython(engine, { target: 'numpy', moduleFileName: null })
      expect(missing).toEqual({ ok: false, error: 'Sheet1!B2 uses tanh, which has no translation to Python' })
    } finally {
      TRANSLATIONS.tanh = saved
    }
    expect(exportPython(engine, { target: 'pytorch', moduleFileName: null }).ok).toBe(true)
  })

  it('refuses a workbook without a usable objective, with the reason', () => {
    const noJ = exportPython(createEngine(docOf({ A1: '2' })), { target: 'pytorch', moduleFileName: null })
    expect(noJ.ok).toBe(false)
    const inError = exportPython(createEngine(docOf({ A1: '0', B1: { input: '=1/A1', name: 'J' } }, 'J')), { target: 'pytorch', moduleFileName: null })
    expect(inError).toMatchObject({ ok: false, error: expect.stringMatching(/objective/) })
  })
})
