// Every function a formula may call has its help text (signature, description), and the
// help names no function the table lacks: the typing help and the reference page read
// only this data.
import { describe, expect, it } from 'vitest'
import { functionNames } from './table'
import { functionHelp, helpNames } from './help'
import { book } from '../test/helpers'

describe('function help covers the function table', () => {
  it('every callable function has a signature and a one-line description', () => {
    const missing = functionNames().filter((name) => !functionHelp(name)).sort()
    expect(missing, `functions without help text in engine/functions/help.ts: ${missing.join(', ')}`).toEqual([])
  })

  it('no help entry names a function the table does not have', () => {
    const table = new Set(functionNames())
    const stale = helpNames().filter((name) => !table.has(name)).sort()
    expect(stale, `help entries for functions not in the table: ${stale.join(', ')}`).toEqual([])
  })

  it('each entry is one line, its signature starts with the name', () => {
    for (const name of helpNames()) {
      const help = functionHelp(name)!
      expect(help.signature.startsWith(`${name}(`), name).toBe(true)
      expect(help.description.length, name).toBeGreaterThan(5)
      expect(help.description.includes('\n'), name).toBe(false)
    }
  })

  it('looks names up without reaching Object.prototype', () => {
    expect(functionHelp('constructor')).toBeUndefined()
    expect(functionHelp('__proto__')).toBeUndefined()
  })
})

describe('the examples say what the engine computes', () => {
  it('every example with a stated result evaluates to it (to the digits shown)', () => {
    const wrong: string[] = []
    for (const name of helpNames()) {
      const example = functionHelp(name)!.example
      if (!example?.includes(' → ')) continue
      const [formula, stated] = example.split(' → ')
      const cell = book({ A1: formula }).cell('Sheet1', 'A1').value
      const shown = cell.kind === 'number' ? Number(cell.value.toPrecision(6)) : cell.kind === 'boolean' ? cell.value : JSON.stringify(cell)
      const expected = stated === 'true' || stated === 'false' ? stated === 'true' : Number(stated)
      if (shown !== expected) wrong.push(`${name}: ${formula} gives ${String(shown)}, help says ${stated}`)
    }
    expect(wrong).toEqual([])
  })
})
