import { describe, expect, it } from 'vitest'
import { scanFormula } from './scan'

const scan = (body: string) => {
  const r = scanFormula(body)
  if (!r.ok) throw new Error(r.message)
  return r.scan
}

describe('reference scanner', () => {
  it('replaces references, ranges and sheet-qualified references by placeholders', () => {
    expect(scan('A1 + $b$2 * c$3').text).toBe('$c0 + $c1 * $c2')
    expect(scan('SUM(A1:B3) + 1').text).toBe('SUM($r0) + 1')
    expect(scan("Sheet2!A1 + 'My data'!A1:A10").text).toBe('$c0 + $r1')
    const refs = scan("Sheet2!A1 + 'It''s'!B2:A1").refs
    expect(refs[0]).toMatchObject({ sheet: 'Sheet2', row0: 1, col0: 1, range: false })
    expect(refs[1]).toMatchObject({ sheet: "It's", row0: 1, col0: 1, row1: 2, col1: 2, range: true })
  })

  it('leaves strings, function names like LOG10(…) and numbers like 2e3 alone', () => {
    expect(scan('"A1" + LOG10(A1) + 2e3').text).toBe('"A1" + LOG10($c0) + 2e3')
    expect(scan("'not a sheet' + 1").text).toBe("'not a sheet' + 1")
    expect(scan('x1y + learning_rate').text).toBe('x1y + learning_rate')
  })

  it('with positions, reports the plain identifiers (names, constants) but not functions, strings or references', () => {
    const body = 'rate * A1 + LOG10(w) + "b" + pi + Sheet2!B2'
    const r = scanFormula(body, true)
    if (!r.ok) throw new Error(r.message)
    expect(r.scan.words!.map((w) => body.slice(w.start, w.end))).toEqual(['rate', 'w', 'pi'])
    expect(scan(body).words).toBeUndefined()
  })

  it('marks out-of-grid references', () => {
    expect(scan('XFE1').refs[0].outOfBounds).toBe(true)
    expect(scan('A0').refs[0].outOfBounds).toBe(true)
    expect(scan('A1048577').refs[0].outOfBounds).toBe(true)
    expect(scan('XFD1048576').refs[0].outOfBounds).toBe(false)
  })

  it('refuses stray $ and a sheet name without a reference', () => {
    expect(scanFormula('$x + 1').ok).toBe(false)
    expect(scanFormula('Sheet2!foo').ok).toBe(false)
    expect(scanFormula('a != b').ok).toBe(true)
  })
})
