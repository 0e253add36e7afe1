import { describe, expect, it } from 'vitest'
import { MAX_JSON_DEPTH } from '../limits.ts'
import { restoreDocument } from './restore.ts'
import { textDepth } from './text-depth.ts'

const nested = (depth: number) => '{"a":'.repeat(depth - 1) + '{}' + '}'.repeat(depth - 1)
const workbook = (extra: string) => `{"format":"gradsheet","version":1,"objective":null,"sheets":[{"name":"S","cells":{"A1":{"input":"1"}},"x":${extra}}]}`

describe('textDepth', () => {
  it('counts arrays and objects, not brackets inside strings', () => {
    expect(textDepth('1')).toBe(0)
    expect(textDepth('[]')).toBe(1)
    expect(textDepth('{"a":[1,{"b":[]}]}')).toBe(4)
    expect(textDepth('{"a":"[[[{{{"}')).toBe(1)
    expect(textDepth('["\\"[[[", "\\\\", [1]]')).toBe(2)
    expect(textDepth(nested(150))).toBe(150)
  })
})

describe('the nesting limit on open (read from the text, walked only when the text is too deep)', () => {
  // The sheet sits at depth 3 (root, sheets, sheet), so its field "x" adds depth - 3.
  it('refuses a workbook one level past the limit, accepts one at it', () => {
    const past = restoreDocument(workbook(nested(MAX_JSON_DEPTH - 2)))
    expect(past.ok).toBe(false)
    if (!past.ok) expect(past.error).toBe(`The workbook cannot be opened: its data is nested more than ${MAX_JSON_DEPTH} levels deep; at most ${MAX_JSON_DEPTH} are supported.`)
    expect(restoreDocument(workbook(nested(MAX_JSON_DEPTH - 3))).ok).toBe(true)
  })

  it('a deep value under a duplicated key, dropped by the parser, is judged by the value that stays', () => {
    const text = workbook(nested(MAX_JSON_DEPTH + 10) + ',"x":1')
    expect(textDepth(text)).toBeGreaterThan(MAX_JSON_DEPTH)
    expect(restoreDocument(text).ok).toBe(true)
  })
})
