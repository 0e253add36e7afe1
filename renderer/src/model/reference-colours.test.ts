// Reference colouring of a formula being typed: which pieces of text get which colour,
// which blocks the grid outlines, and that the palette is readable and distinct.
import { describe, expect, it } from 'vitest'
import { colourReferences, pieces, REFERENCE_COLOURS, type NameResolver } from './reference-colours'

const noNames: NameResolver = () => null
const coloured = (text: string, names: NameResolver = noNames) => {
  const c = colourReferences(text, 'Sheet1', names)
  return c.spans.map((s) => [text.slice(s.start, s.end), s.colour])
}

describe('reference colouring', () => {
  it('colours each reference in order of appearance, with the block it names', () => {
    const text = "=A1+SUM(B2:C4)*Sheet2!D5+'My data'!A1"
    expect(coloured(text)).toEqual([['A1', 0], ['B2:C4', 1], ['Sheet2!D5', 2], ["'My data'!A1", 3]])
    expect(colourReferences(text, 'Sheet1', noNames).blocks).toEqual([
      { sheet: 'Sheet1', from: { col: 0, row: 0 }, to: { col: 0, row: 0 }, colour: 0 },
      { sheet: 'Sheet1', from: { col: 1, row: 1 }, to: { col: 2, row: 3 }, colour: 1 },
      { sheet: 'Sheet2', from: { col: 3, row: 4 }, to: { col: 3, row: 4 }, colour: 2 },
      { sheet: 'My data', from: { col: 0, row: 0 }, to: { col: 0, row: 0 }, colour: 3 },
    ])
  })

  it('the same block twice shares a colour ($ markers and case do not matter); a range written backwards is ordered', () => {
    expect(coloured('=A1+$a$1*B2+C4:b2')).toEqual([['A1', 0], ['$a$1', 0], ['B2', 1], ['C4:b2', 2]])
    expect(colourReferences('=C4:B2', 'S', noNames).blocks[0]).toMatchObject({ from: { col: 1, row: 1 }, to: { col: 2, row: 3 } })
  })

  it('names of the workbook are coloured with the cell they name; functions, constants, strings, #REF! are not', () => {
    const names: NameResolver = (n) => (n === 'rate' ? { sheet: 'Inputs', pos: { col: 1, row: 2 } } : null)
    expect(coloured('=rate*A1+LOG10(2)+pi+"B2"+#REF!+unknown', names)).toEqual([['rate', 0], ['A1', 1]])
    expect(colourReferences('=rate', 'Sheet1', names).blocks).toEqual([{ sheet: 'Inputs', from: { col: 1, row: 2 }, to: { col: 1, row: 2 }, colour: 0 }])
  })

  it('follows the text as it changes, and nothing for plain text, a half-typed sheet or an unscannable formula', () => {
    expect(coloured('=A1+B')).toEqual([['A1', 0]])
    expect(coloured('=A1+B2')).toEqual([['A1', 0], ['B2', 1]])
    expect(coloured('A1+B2')).toEqual([])
    expect(coloured('=Sheet2!')).toEqual([])
    expect(coloured('=XFE1+A0')).toEqual([])
  })

  it('distinguishes eight references, then starts the palette again', () => {
    const refs = ['A1', 'B1', 'C1', 'D1', 'E1', 'F1', 'G1', 'H1', 'I1']
    expect(coloured(`=${refs.join('+')}`).map(([, c]) => c)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 0])
  })

  it('pieces cover the whole text in order', () => {
    const text = '=A1+B2*2'
    const p = pieces(text, colourReferences(text, 'Sheet1', noNames).spans)
    expect(p).toEqual([{ text: '=', colour: null }, { text: 'A1', colour: 0 }, { text: '+', colour: null }, { text: 'B2', colour: 1 }, { text: '*2', colour: null }])
    expect(p.map((x) => x.text).join('')).toBe(text)
  })
})

/** WCAG relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p)
  return (x + 0.05) / (y + 0.05)
}

describe('the palette', () => {
  it('has at least six colours, each readable on the white editors (≥ 4.5:1) and all different', () => {
    expect(REFERENCE_COLOURS.length).toBeGreaterThanOrEqual(6)
    for (const c of REFERENCE_COLOURS) expect(contrast(c, '#ffffff'), c).toBeGreaterThanOrEqual(4.5)
    expect(new Set(REFERENCE_COLOURS).size).toBe(REFERENCE_COLOURS.length)
  })

  it('any two colours differ clearly (RGB distance)', () => {
    const rgb = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16))
    for (let i = 0; i < REFERENCE_COLOURS.length; i++)
      for (let j = i + 1; j < REFERENCE_COLOURS.length; j++) {
        const [a, b] = [rgb(REFERENCE_COLOURS[i]), rgb(REFERENCE_COLOURS[j])]
        expect(Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]), `${REFERENCE_COLOURS[i]} vs ${REFERENCE_COLOURS[j]}`).toBeGreaterThan(60)
      }
  })
})
