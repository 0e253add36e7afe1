import { describe, expect, it } from 'vitest'
import { parseCommandLine } from './args.ts'

const ok = (argv: string[]) => {
  const r = parseCommandLine(argv)
  if (r.kind !== 'eval') throw new Error(`expected eval, got ${JSON.stringify(r)}`)
  return r.options
}
const usage = (argv: string[]) => {
  const r = parseCommandLine(argv)
  if (r.kind !== 'usage-error') throw new Error(`expected a usage error, got ${JSON.stringify(r)}`)
  return r.message
}

describe('parseCommandLine', () => {
  it('reads every option of SPEC §6', () => {
    expect(ok(['eval', 'f.gradsheet', '--objective', 'Sheet1!B4', '--set', 'x=2', '--set', 'A2==x+5', '--only', 'x,J', '--only', 'B2', '--json', '--timing'])).toEqual({
      file: 'f.gradsheet',
      objective: 'Sheet1!B4',
      sets: [
        { ref: 'x', input: '2' },
        { ref: 'A2', input: '=x+5' },
      ],
      only: ['x', 'J', 'B2'],
      json: true,
      timing: true,
    })
  })

  it('defaults: no objective override, no edits, every cell, a table, no timing', () => {
    expect(ok(['eval', 'f.gradsheet'])).toEqual({ file: 'f.gradsheet', objective: null, sets: [], only: null, json: false, timing: false })
  })

  it('splits --set at the first "=", keeping the rest verbatim (spaces and empty inputs too)', () => {
    expect(ok(['eval', 'f', '--set', 'Sheet1!A2== x == 1 ']).sets).toEqual([{ ref: 'Sheet1!A2', input: '= x == 1 ' }])
    expect(ok(['eval', 'f', '--set', 'B1=']).sets).toEqual([{ ref: 'B1', input: '' }])
    expect(ok(['eval', 'f', '--set=x=-3']).sets).toEqual([{ ref: 'x', input: '-3' }])
  })

  it('help', () => {
    expect(parseCommandLine(['--help'])).toEqual({ kind: 'help' })
    expect(parseCommandLine(['eval', '-h'])).toEqual({ kind: 'help' })
  })

  it('usage errors, in words', () => {
    expect(usage([])).toBe('no command given (the commands are "eval", "export", "sensitivity" and "convert")')
    expect(usage(['run', 'f'])).toBe('unknown command "run" (the commands are "eval", "export", "sensitivity" and "convert")')
    expect(usage(['eval'])).toBe('eval needs a FILE to load')
    expect(usage(['eval', 'a', 'b'])).toBe('unexpected argument "b" (one FILE at a time)')
    expect(usage(['eval', 'f', '--bogus'])).toBe('unknown option --bogus')
    expect(usage(['eval', 'f', '--set'])).toBe('--set needs a value')
    expect(usage(['eval', 'f', '--set', 'x'])).toBe('--set "x" is not REF=INPUT (for example --set x=2 or --set A2==x+5)')
    expect(usage(['eval', 'f', '--set', '=3'])).toMatch(/is not REF=INPUT/)
    expect(usage(['eval', 'f', '--only', 'x,,J'])).toMatch(/--only needs a comma-separated list/)
    expect(usage(['eval', 'f', '--objective', ' '])).toMatch(/--objective needs a cell/)
    expect(usage(['eval', 'f', '--json=yes'])).toMatch(/--json/)
  })
})
