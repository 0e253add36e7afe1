// Each limit gives a clear error value in the cell, never a hang, a throw or a crash.
import { describe, expect, it } from 'vitest'
import { bracketDepth, cellCountProblem, jsonDepthProblem, LIMITS, rangeSizeProblem, tensorSizeProblem } from './limits'
import { book } from './test/helpers'

const errorOf = (formula: string, cells: Record<string, string> = {}) => {
  const v = book({ ...cells, Z1: formula }).cell('Sheet1', 'Z1').value
  if (v.kind !== 'error') throw new Error(`expected an error, got ${JSON.stringify(v).slice(0, 200)}`)
  return v.error
}

describe('formula length', () => {
  it('a 100,000-character formula is a #PARSE! naming the limit', () => {
    const e = errorOf('=' + '1+'.repeat(50_000) + '1')
    expect(e).toEqual({ code: '#PARSE!', message: 'the formula has 100,001 characters; at most 65,536 are allowed' })
  })

  it('a formula just under the limit still computes', () => {
    const terms = Math.floor((LIMITS.formulaLength - 1) / 2)
    const v = book({ A1: '=' + '1+'.repeat(terms) + '1' }).cell('Sheet1', 'A1').value
    // A flat sum is long, not nested: it computes however many terms fit in the length limit.
    expect(v).toEqual({ kind: 'number', value: terms + 1 })
  })
})

describe('nesting depth', () => {
  it('parentheses 10,000 deep are refused before parsing', () => {
    const e = errorOf('=' + '('.repeat(10_000) + '1' + ')'.repeat(10_000))
    expect(e.code).toBe('#PARSE!')
    expect(e.message).toBe(`the formula nests brackets more than ${LIMITS.nestingDepth} deep; at most ${LIMITS.nestingDepth} levels are allowed`)
  })

  it('exactly the limit parses and computes; one more is refused', () => {
    const at = LIMITS.nestingDepth
    const ok = book({ A1: '=' + 'abs('.repeat(at - 1) + '(-2)' + ')'.repeat(at - 1) }).cell('Sheet1', 'A1').value
    expect(ok).toEqual({ kind: 'number', value: 2 })
    expect(errorOf('=' + '('.repeat(at + 1) + '1' + ')'.repeat(at + 1)).code).toBe('#PARSE!')
  })

  it('brackets inside string literals do not count', () => {
    expect(bracketDepth('"' + '('.repeat(500) + '" + (1)')).toBe(1)
    expect(bracketDepth("'((((' + [1, (2)]")).toBe(2)
    expect(bracketDepth('"a\\"((((" + 1')).toBe(0)
  })

  it('thousands of unary operators inside one another give an error value, not a stack overflow', () => {
    for (const formula of ['=' + '-'.repeat(30_000) + '1', '=' + '2^'.repeat(20_000) + '1', '=' + 'not '.repeat(10_000) + 'true']) {
      const v = book({ A1: formula }).cell('Sheet1', 'A1').value
      expect(['number', 'boolean', 'error']).toContain(v.kind)
      if (v.kind === 'error') expect(v.error.message.length).toBeGreaterThan(10)
    }
  })
})

describe('range and tensor size', () => {
  it('a range of more than a million cells is #VALUE! with the counts', () => {
    expect(errorOf('=SUM(A1:XFD1000)')).toEqual({ code: '#VALUE!', message: 'the range has 16,384,000 cells; at most 1,000,000 are supported' })
    expect(rangeSizeProblem(1000, 1000)).toBeNull()
  })

  it('a matrix product whose result would pass the tensor limit is refused before allocating', () => {
    const e = errorOf('=A1:B1001 * transpose(A1:B1001)', { A1: '1' })
    expect(e.code).toBe('#VALUE!')
    expect(e.message).toBe('the result would be a 1001×1001 matrix (1,002,001 numbers); the element budget allows at most 1,000,000 numbers per operation')
    expect(tensorSizeProblem([1000, 1000])).toBeNull()
  })
})

describe('cell count', () => {
  it('names the limit when the workbook would pass it', () => {
    expect(cellCountProblem(LIMITS.cellCount - 1)).toBeNull()
    expect(cellCountProblem(LIMITS.cellCount)).toBe('the workbook would have more than 4,000,000 cells, the most one workbook can hold')
    expect(cellCountProblem(10, LIMITS.cellCount)).not.toBeNull()
  })
})

describe('file nesting', () => {
  it('counts depth without recursion and names the limit', () => {
    let deep: unknown = 1
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(jsonDepthProblem(deep)).toBe('its data is nested more than 100 levels deep; at most 100 are supported')
    let ok: unknown = 1
    for (let i = 0; i < 100; i++) ok = { a: ok }
    expect(jsonDepthProblem(ok)).toBeNull()
  })
})
