// Point mode's text arithmetic: where a reference may go, insert and replace at the
// caret, arrow moves and Shift extension, F4's cycle.
import { describe, expect, it } from 'vitest'
import { acceptsReference, canPoint, cycleAbsolute, insideString, pointAt, pointByArrow, referenceAt, referencesIn, referenceText } from './point-mode'

const A1 = { col: 0, row: 0 }
const B2 = { col: 1, row: 1 }
const C4 = { col: 2, row: 3 }

describe('which caret positions accept a reference', () => {
  it('after =, an operator, ( and , — at the end or before a closer', () => {
    for (const [text, caret] of [['=', 1], ['=A1+', 4], ['=A1 * ', 6], ['=SUM(', 5], ['=max(A1,', 8], ['=SUM()', 5], ['=(+1)', 2], ['=A1:', 4], ['=a>', 3]] as const)
      expect(acceptsReference(text, caret), `${text} at ${caret}`).toBe(true)
  })

  it('not inside a word, a number, a string, after a value, or in plain text', () => {
    for (const [text, caret] of [['=A1', 3], ['=SU', 3], ['=12', 3], ['="a+', 4], ['=A1+B2', 4], ['7+', 2], ['', 0], ['=', 0], ['=x )', 2], ['=(', 1]] as const)
      expect(acceptsReference(text, caret), `${text} at ${caret}`).toBe(false)
  })

  it('a selection is replaced only when its ends accept', () => {
    expect(acceptsReference('=A1+B2', 4, 6)).toBe(true)
    expect(acceptsReference('=A1+B2', 4, 5)).toBe(false)
  })

  it('right after the pointed span the caret points again (replace)', () => {
    const span = { start: 1, end: 3, anchor: A1, corner: A1, sheet: null }
    expect(canPoint('=A1', 3, 3, span)).toBe(true)
    expect(canPoint('=A1', 3, 3, null)).toBe(false)
  })

  it('knows string literals and sheet quotes apart', () => {
    expect(insideString('="a+b"+', 4)).toBe(true)
    expect(insideString('="a+b"+', 7)).toBe(false)
    expect(insideString("='My data'!A1+", 14)).toBe(false)
    expect(insideString("='abc", 4)).toBe(true)
    // A ' after a value is the transpose operator, not a quote.
    expect(insideString("=A1:B2'*", 8)).toBe(false)
    expect(insideString("=(x)''+", 7)).toBe(false)
    expect(acceptsReference("=A1:B2'*", 8)).toBe(true)
  })
})

describe('inserting the pointed reference', () => {
  it('inserts at the caret and reports the span', () => {
    const r = pointAt('=SUM()', 5, 5, null, B2, B2, null)
    expect(r.text).toBe('=SUM(B2)')
    expect(r.caret).toBe(7)
    expect(r.span).toMatchObject({ start: 5, end: 7 })
  })

  it('a second point replaces the reference just inserted', () => {
    const first = pointAt('=1+', 3, 3, null, A1, A1, null)
    const second = pointAt(first.text, first.caret, first.caret, first.span, C4, C4, null)
    expect(second.text).toBe('=1+C4')
  })

  it('replaces a selected stretch of text', () => {
    expect(pointAt('=A1+B2', 4, 6, null, C4, C4, null).text).toBe('=A1+C4')
  })

  it('writes ranges top-left first and qualifies other sheets (quoted when needed)', () => {
    expect(referenceText(C4, A1, null)).toBe('A1:C4')
    expect(referenceText(A1, A1, 'Sheet2')).toBe('Sheet2!A1')
    expect(referenceText(A1, B2, 'My data')).toBe("'My data'!A1:B2")
  })
})

describe('arrow keys in point mode', () => {
  const home = { col: 3, row: 0 } // D1

  it('the first arrow points next to the edited cell, the next one moves it', () => {
    const first = pointByArrow('=', 1, 1, null, home, 'Sheet1', 'Sheet1', 'down', false)
    expect(first.text).toBe('=D2')
    const second = pointByArrow(first.text, first.caret, first.caret, first.span, home, 'Sheet1', 'Sheet1', 'left', false)
    expect(second.text).toBe('=C2')
  })

  it('Shift+arrow extends the pointed cell to a range, a plain arrow collapses it', () => {
    let r = pointByArrow('=SUM(', 5, 5, null, home, 'Sheet1', 'Sheet1', 'left', false) // C1
    r = pointByArrow(r.text, r.caret, r.caret, r.span, home, 'Sheet1', 'Sheet1', 'down', true)
    r = pointByArrow(r.text, r.caret, r.caret, r.span, home, 'Sheet1', 'Sheet1', 'down', true)
    expect(r.text).toBe('=SUM(C1:C3')
    r = pointByArrow(r.text, r.caret, r.caret, r.span, home, 'Sheet1', 'Sheet1', 'left', true)
    expect(r.text).toBe('=SUM(B1:C3')
    r = pointByArrow(r.text, r.caret, r.caret, r.span, home, 'Sheet1', 'Sheet1', 'right', false)
    expect(r.text).toBe('=SUM(C3')
  })

  it('stops at the edge of the grid', () => {
    expect(pointByArrow('=', 1, 1, null, A1, 'Sheet1', 'Sheet1', 'up', false).text).toBe('=A1')
  })

  it('on another sheet, the reference names that sheet', () => {
    expect(pointByArrow('=', 1, 1, null, A1, 'Sheet1', 'Sheet2', 'down', false).text).toBe('=Sheet2!A2')
  })

  it('after typing, an arrow starts a new reference rather than replacing', () => {
    const r = pointAt('=', 1, 1, null, A1, A1, null) // =A1
    const typed = r.text + '+'
    expect(pointByArrow(typed, typed.length, typed.length, r.span, home, 'Sheet1', 'Sheet1', 'down', false).text).toBe('=A1+D2')
  })
})

describe('references as the engine scans them', () => {
  it('finds cells, ranges and qualified references with their positions', () => {
    const text = "=A1+Sheet2!$B$2*SUM('My data'!C1:D4)"
    expect(referencesIn(text).map((r) => text.slice(r.start, r.end))).toEqual(['A1', 'Sheet2!$B$2', "'My data'!C1:D4"])
  })

  it('skips function names and strings', () => {
    expect(referencesIn('=LOG10(2)+"A1"')).toEqual([])
  })

  it('finds the reference the caret is in or right after', () => {
    expect(referenceAt('=A1+B22', 7)).toMatchObject({ start: 4, end: 7 })
    expect(referenceAt('=A1+B22', 2)).toMatchObject({ start: 1, end: 3 })
    expect(referenceAt('=A1 + 2', 6)).toBeNull()
  })
})

describe('F4 cycles the $ markers', () => {
  it('A1 → $A$1 → A$1 → $A1 → A1', () => {
    let text = '=A1+1'
    const seen: string[] = []
    for (let k = 0; k < 4; k++) {
      const r = cycleAbsolute(text, 3)
      expect(r).not.toBeNull()
      text = r!.text
      seen.push(text.slice(1, r!.end))
    }
    expect(seen).toEqual(['$A$1', 'A$1', '$A1', 'A1'])
  })

  it('cycles both corners of a range and keeps the sheet, caret at the end of the reference', () => {
    const r = cycleAbsolute('=SUM(Sheet2!A1:B3)', 10)
    expect(r?.text).toBe('=SUM(Sheet2!$A$1:$B$3)')
    expect(r?.caret).toBe(21)
  })

  it('does nothing away from a reference', () => {
    expect(cycleAbsolute('=1+2', 2)).toBeNull()
    expect(cycleAbsolute('plain', 2)).toBeNull()
  })
})
