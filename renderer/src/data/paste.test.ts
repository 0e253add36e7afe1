import { describe, expect, it } from 'vitest'
import { pastedBlock } from './paste'

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
