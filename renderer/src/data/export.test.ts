import { describe, expect, it } from 'vitest'
import type { CellView } from '../../../engine/api'
import { areaCsv, areaText, parseArea, usedArea } from './export'

const cell = (address: string, value: CellView['value'], input = 'x'): CellView => ({ sheet: 'S', address, input, value, grad: { kind: 'none' } })

describe('CSV export of an area', () => {
  const cells = [cell('B2', { kind: 'text', value: 'x' }), cell('C3', { kind: 'number', value: 1.5 }, '=1.5'), cell('B3', { kind: 'tensor', shape: [2], value: [1, 2] })]
  const at = (a: string) => cells.find((c) => c.address === a)

  it('finds the used area and writes values, quoting where needed', () => {
    const area = usedArea(cells)!
    expect(areaText(area)).toBe('B2:C3')
    expect(areaCsv(area, at)).toBe('x,\r\n"[1,2]",1.5\r\n')
    expect(usedArea([])).toBeNull()
  })

  it('parses ranges in either order and refuses junk', () => {
    expect(parseArea('c3:b2')).toEqual({ from: { col: 1, row: 1 }, to: { col: 2, row: 2 } })
    expect(parseArea('B2')).toEqual({ from: { col: 1, row: 1 }, to: { col: 1, row: 1 } })
    expect(parseArea('hello')).toEqual({ error: '"hello" is not a range like A1:C9' })
  })
})
