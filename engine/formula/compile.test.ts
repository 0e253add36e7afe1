// The lowering from math.js's tree to post-order ops: iterative (no recursion, so flat
// sums of any length lower), in the same order a recursive walk would give, refusing
// nodes outside the allow-list on the way down; chained comparisons as math.js reads them.
import { describe, expect, it } from 'vitest'
import { book } from '../test/helpers'
import { lowerText } from './compile'

const opsOf = (text: string) =>
  lowerText(text, () => []).ops.map((op) => (op.k === 'call' ? `call ${op.fn.name}/${op.args.join(',')}` : op.k === 'const' ? `const ${String(op.v)}` : op.k === 'name' ? `name ${op.name}` : `${op.k} ${op.slot}`))

describe('lowering', () => {
  it('emits post-order ops with their argument positions', () => {
    expect(opsOf('max($c0, 2) + x * 3')).toEqual(['cell 0', 'const 2', 'call max/0,1', 'name x', 'const 3', 'call multiply/3,4', 'call add/2,5'])
    expect(opsOf("($r0 + 1)'")).toEqual(['range 0', 'const 1', 'call add/0,1', 'call ctranspose/2'])
  })
  it('lowers a flat sum of 50,000 terms without recursion', () => {
    const ops = lowerText(Array(50_000).fill('1').join('+'), () => [])
    expect(ops.ops.length).toBe(50_000 + 49_999)
  })
  it('refuses the first node outside the allow-list, before lowering its arguments', () => {
    expect(lowerText('foo(evaluate("1"))', () => []).ops[0]).toMatchObject({ k: 'const', v: { code: '#NAME?', message: 'unknown function foo' } })
    expect(lowerText('1 + a.b', () => []).ops[0]).toMatchObject({ k: 'const', v: { code: '#NAME?' } })
  })
})

describe('chained comparisons (math.js RelationalNode)', () => {
  const value = (f: string) => book({ A1: '2', B1: f }).cell('Sheet1', 'B1').value
  it('a < b < c means a < b and b < c', () => {
    expect(value('=1 < A1 < 3')).toEqual({ kind: 'boolean', value: true })
    expect(value('=1 < A1 <= 1.5')).toEqual({ kind: 'boolean', value: false })
    expect(value('=3 > A1 >= 2 > 1')).toEqual({ kind: 'boolean', value: true })
  })
  it('as the condition of IF, with gradients through the branch taken', () => {
    const e = book({ A1: '2', B1: '=IF(1 < A1 < 3, A1 * A1, 0)' }, 'Sheet1!B1')
    expect(e.cell('Sheet1', 'B1').value).toEqual({ kind: 'number', value: 4 })
    expect(e.cell('Sheet1', 'A1').grad).toEqual({ kind: 'number', value: 4 })
  })
})
