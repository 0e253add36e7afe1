import { describe, expect, it } from 'vitest'
import { blockEdits, datasetBlock } from './edits'
import { detectDelimiter, parseDataset, parseFields } from './parse'
import { exportedValue, toCsv } from './serialize'

describe('parseFields', () => {
  it('reads quoted fields, doubled quotes, CRLF and a BOM', () => {
    const r = parseFields('\ufeffa,"b, c","say ""hi"""\r\n1,"2\n3",4\r\n\r\n')
    expect(r).toEqual({ ok: true, value: [['a', 'b, c', 'say "hi"'], ['1', '2\n3', '4']] })
  })

  it('says where a quote is left open', () => {
    expect(parseFields('a,b\n1,"2\n3,4')).toEqual({ ok: false, error: 'line 2: a quoted field is not closed (a " is missing)' })
  })

  it('detects tabs and semicolons', () => {
    expect(detectDelimiter('x\ty\n1\t2')).toBe('\t')
    expect(detectDelimiter('x;y\n1;2')).toBe(';')
    expect(detectDelimiter('x,y;z')).toBe(',')
  })
})

describe('parseDataset', () => {
  it('finds a header row when it has text, and none when all is numeric', () => {
    expect(parseDataset('x,y\n1,2\n3,-4.5e1\n')).toEqual({ ok: true, value: { header: ['x', 'y'], rows: [[1, 2], [3, -45]] } })
    expect(parseDataset('1,2\n3,4')).toEqual({ ok: true, value: { header: null, rows: [[1, 2], [3, 4]] } })
    expect(parseDataset('1,2\n3,4', 'yes')).toEqual({ ok: true, value: { header: ['1', '2'], rows: [[3, 4]] } })
  })

  it('refuses ragged rows, non-numeric and empty fields, with row and column', () => {
    expect(parseDataset('x,y\n1,2\n3\n')).toEqual({ ok: false, error: 'row 3 has 1 fields, but the header has 2 (ragged rows)' })
    expect(parseDataset('x,y\n1,2\n3,abc\n')).toEqual({ ok: false, error: 'row 3, column 2 (y) is "abc", not a number' })
    expect(parseDataset('1,2\n3,\n')).toEqual({ ok: false, error: 'row 2, column 2 is empty' })
    expect(parseDataset('x,y\n1,2', 'no')).toEqual({ ok: false, error: 'row 1, column 1 is "x", not a number' })
    expect(parseDataset('')).toEqual({ ok: false, error: 'the file has no rows' })
    expect(parseDataset('x,y\n')).toEqual({ ok: false, error: 'the file has a header row but no data rows' })
    expect(parseDataset('1,Infinity').ok).toBe(false)
  })
})

describe('edits and export', () => {
  it('places a dataset with its header as labels', () => {
    const d = parseDataset('x,2019\n1,2')
    if (!d.ok) throw new Error(d.error)
    expect(blockEdits('Sheet1', 1, 2, datasetBlock(d.value))).toEqual([
      { type: 'setInput', sheet: 'Sheet1', address: 'C2', input: 'x' },
      { type: 'setInput', sheet: 'Sheet1', address: 'D2', input: "'2019" },
      { type: 'setInput', sheet: 'Sheet1', address: 'C3', input: '1' },
      { type: 'setInput', sheet: 'Sheet1', address: 'D3', input: '2' },
    ])
    expect(blockEdits('Sheet1', 1048575, 0, [['1'], ['2']])).toHaveProperty('error')
  })

  it('round-trips through toCsv', () => {
    const rows = [['a', 'b,c', ' d'], ['1', 'x"y', '']]
    const text = toCsv(rows)
    expect(text).toBe('a,"b,c"," d"\r\n1,"x""y",\r\n')
    expect(parseFields(text)).toEqual({ ok: true, value: rows })
  })

  it('exports values, not formulas', () => {
    const base = { sheet: 'S', address: 'A1', input: '=1', grad: { kind: 'none' } as const }
    expect(exportedValue({ ...base, value: { kind: 'number', value: 0.1 } })).toBe('0.1')
    expect(exportedValue({ ...base, value: { kind: 'tensor', shape: [2], value: [1, 2] } })).toBe('[1,2]')
    expect(exportedValue({ ...base, value: { kind: 'error', error: { code: '#DIV/0!', message: '' } } })).toBe('#DIV/0!')
    expect(exportedValue(undefined)).toBe('')
  })
})
