import { describe, expect, it } from 'vitest'
import { blockToHtml, blockToTsv, pastedBlock, tileBlock } from './paste'

describe('pastedBlock', () => {
  it('splits tab-separated rows from a spreadsheet, dropping the final line break', () => {
    expect(pastedBlock('x\ty\r\n1\t2\r\n3\t=A2*2\r\n')).toEqual([['x', 'y'], ['1', '2'], ['3', '=A2*2']])
  })

  it('a single value is not a block', () => {
    expect(pastedBlock('42\n')).toBeNull()
    expect(pastedBlock('=sum(A1:A3)')).toBeNull()
  })

  it('a column of values is a block; an open quote is literal text', () => {
    expect(pastedBlock('1\n2\n3')).toEqual([['1'], ['2'], ['3']])
    expect(pastedBlock('"a\tb\n1\t2')).toEqual([['"a', 'b'], ['1', '2']])
  })
})

describe('the copied block on the clipboard', () => {
  it('is tab-separated text that reads back as the same block', () => {
    const rows = [['x', '1.5'], ['=A1*2', 'two words'], ['a\tb', '']]
    const tsv = blockToTsv(rows)
    expect(tsv).toBe('x\t1.5\r\n=A1*2\ttwo words\r\n"a\tb"\t\r\n')
    expect(pastedBlock(tsv)).toEqual(rows)
  })

  it('is an HTML table with every field escaped', () => {
    expect(blockToHtml([['<b>', 'a&b'], ['1', '"q"']])).toBe('<table><tr><td>&lt;b&gt;</td><td>a&amp;b</td></tr><tr><td>1</td><td>&quot;q&quot;</td></tr></table>')
  })
})

describe('tiling a paste over a larger selection', () => {
  it('repeats the block when it divides the target evenly', () => {
    expect(tileBlock([['1', '2']], 2, 4)).toEqual([['1', '2', '1', '2'], ['1', '2', '1', '2']])
    expect(tileBlock([['a'], ['b']], 4, 1)).toEqual([['a'], ['b'], ['a'], ['b']])
  })
  it('pastes once when it does not divide the target', () => {
    const block = [['1', '2'], ['3', '4']]
    expect(tileBlock(block, 3, 4)).toBe(block)
    expect(tileBlock(block, 1, 1)).toBe(block)
  })
})
