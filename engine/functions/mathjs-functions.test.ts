// Values of the functions added from math.js's list, typed into cells as a user would,
// against math.js itself as the outside reference (math.js runs here in the test only;
// the engine never evaluates through it). Also their errors in words, the postfix
// transpose operator next to quotes that mean sheet names and strings, and the
// explain panel's notes that read each function's declared convention.
import * as math from 'mathjs'
import { describe, expect, it } from 'vitest'
import { createEngine } from '../index'
import { explainerFor } from '../explain'
import { book, tensor } from '../test/helpers'

const GRID = { A1: '1', B1: '2', C1: '-4', A2: '3', B2: '5', C2: '0.5', A3: '-2', B3: '7', C3: '1.5' }
const M3 = [[1, 2, -4], [3, 5, 0.5], [-2, 7, 1.5]]
const M2 = [[1, 2], [3, 5]]

function valueOf(formula: string, cells: Record<string, string> = GRID) {
  return book({ ...cells, Z9: formula }).cell('Sheet1', 'Z9').value
}
function numberOf(formula: string, cells?: Record<string, string>): number {
  const v = valueOf(formula, cells)
  if (v.kind !== 'number') throw new Error(`${formula} gave ${JSON.stringify(v)}`)
  return v.value
}
function tensorOf(formula: string): number[] | number[][] {
  return tensor(book({ ...GRID, Z9: formula }), 'Z9')
}
const close = (a: number, b: number, rel = 1e-13) => expect(Math.abs(a - b)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(b)))
function closeAll(a: unknown, b: unknown, rel = 1e-13): void {
  if (Array.isArray(b)) {
    expect(Array.isArray(a) && a.length === b.length).toBe(true)
    b.forEach((x, i) => closeAll((a as unknown[])[i], x, rel))
  } else close(a as number, b as number, rel)
}
function errorOf(formula: string) {
  const v = valueOf(formula)
  if (v.kind !== 'error') throw new Error(`${formula} gave ${JSON.stringify(v)}, not an error`)
  return v.error
}

describe('scalar functions match math.js', () => {
  const points = [-3.5, -1.2, -0.4, 0.3, 0.9, 1, 2.5, 7]
  const cases: [string, (x: number) => number, (x: number) => boolean][] = [
    ['erf', (x) => math.erf(x), () => true],
    ['coth', (x) => math.coth(x), (x) => x !== 0],
    ['sech', (x) => math.sech(x), () => true],
    ['csch', (x) => math.csch(x), (x) => x !== 0],
    ['acot', (x) => math.acot(x), () => true],
    ['acoth', (x) => math.acoth(x) as number, (x) => Math.abs(x) > 1],
    ['asech', (x) => math.asech(x) as number, (x) => x > 0 && x <= 1],
    ['acsch', (x) => math.acsch(x), (x) => x !== 0],
    ['asec', (x) => math.asec(x) as number, (x) => Math.abs(x) >= 1],
    ['acsc', (x) => math.acsc(x) as number, (x) => Math.abs(x) >= 1],
    ['cbrt', (x) => math.cbrt(x) as number, () => true],
    ['unaryMinus', (x) => math.unaryMinus(x), () => true],
    ['unaryPlus', (x) => math.unaryPlus(x) as number, () => true],
  ]
  for (const [name, reference, real] of cases) {
    it(name, () => {
      for (const x of points) {
        if (real(x)) close(numberOf(`=${name}(${x})`), reference(x))
        else expect(errorOf(`=${name}(${x})`).code).toBe('#NUM!')
      }
    })
  }
  it('erf far out and at 0', () => {
    for (const x of [0, 1e-8, 2.99, 3, 3.01, 5.5, 6, 30, -30]) close(numberOf(`=erf(${x})`), math.erf(x), 1e-14)
  })
  it('coth, csch at 0 and acot at 0 (π/2, as math.js)', () => {
    expect(errorOf('=coth(0)').code).toBe('#NUM!')
    expect(errorOf('=csch(0)').code).toBe('#NUM!')
    expect(numberOf('=acot(0)')).toBe(math.acot(0))
  })
})

describe('nthRoot and hypot match math.js', () => {
  it('nthRoot of positive and negative numbers, whole and fractional roots', () => {
    for (const [a, n] of [[27, 3], [16, 4], [-8, 3], [-32, 5], [2, 2], [8, -3], [10, 2.5], [0, 3], [1e6, 6]]) close(numberOf(`=nthRoot(${a}, ${n})`), math.nthRoot(a, n) as number)
    expect(numberOf('=nthRoot(27, 3)')).toBe(3)
    expect(numberOf('=nthRoot(16)')).toBe(4)
  })
  it('nthRoot refuses what math.js refuses, in words', () => {
    expect(errorOf('=nthRoot(-8, 2)')).toMatchObject({ code: '#NUM!', message: expect.stringContaining('odd whole root') })
    expect(errorOf('=nthRoot(8, 0)')).toMatchObject({ code: '#NUM!', message: expect.stringContaining('must not be 0') })
    expect(errorOf('=nthRoot(0, -3)').code).toBe('#NUM!')
  })
  it('nthRoot works element-wise', () => closeAll(tensorOf('=nthRoot([8, 27, -64], 3)'), [2, 3, -4]))
  it('hypot of numbers, of a vector and of a range', () => {
    close(numberOf('=hypot(3, 4)'), 5)
    close(numberOf('=hypot([1, 2, 3])'), math.hypot(1, 2, 3))
    close(numberOf('=hypot(A1:C3)'), math.hypot(...M3.flat()))
    close(numberOf('=hypot(1e200, 1e200)'), math.hypot(1e200, 1e200))
    expect(numberOf('=hypot(0, 0)')).toBe(0)
  })
})

describe('statistics match math.js', () => {
  it('variance and std (unbiased by default, as math.js)', () => {
    close(numberOf('=variance(A1:C3)'), math.variance(M3.flat()) as unknown as number)
    close(numberOf('=std(A1:C3)'), math.std(M3.flat()) as unknown as number)
    close(numberOf('=std(1, 2, 4)'), math.std(1, 2, 4))
    for (const norm of ['unbiased', 'uncorrected', 'biased'] as const) {
      close(numberOf(`=variance(A1:C3, "${norm}")`), math.variance(M3.flat(), norm) as unknown as number)
      close(numberOf(`=std([1, 2, 4], "${norm}")`), math.std([1, 2, 4], norm) as unknown as number)
    }
    expect(numberOf('=variance(5)')).toBe(math.variance([5]) as unknown as number)
  })
  it('variance and std refuse what they cannot do, in words', () => {
    expect(errorOf('=std(A1:C3, "sample")').message).toContain('"unbiased", "uncorrected" or "biased"')
    expect(errorOf('=std(A1:C3, 0)').message).toContain('along a dimension')
    expect(errorOf('=variance([])').message).toBe('variance of an empty list')
  })
  it('median of odd and even counts, with ties', () => {
    close(numberOf('=median(A1:C3)'), math.median(M3.flat()))
    close(numberOf('=median(3, 1, 2, 10)'), math.median(3, 1, 2, 10))
    close(numberOf('=median([2, 2, 2, 5])'), math.median([2, 2, 2, 5]))
    expect(errorOf('=median([])').message).toBe('median of an empty list')
  })
  it('cumsum of a vector, of numbers, and of a matrix along either dimension', () => {
    closeAll(tensorOf('=cumsum([1, 2, 3])'), math.cumsum([1, 2, 3]))
    closeAll(tensorOf('=cumsum(1, 2, 3)'), math.cumsum(1, 2, 3) as unknown as number[])
    closeAll(tensorOf('=cumsum(A1:C3)'), math.cumsum(M3) as unknown as number[][])
    closeAll(tensorOf('=cumsum(A1:C3, 1)'), math.cumsum(M3, 1) as unknown as number[][])
    expect(errorOf('=cumsum(A1:C3, 2)').message).toContain('dimension must be 0 or 1')
  })
})

describe('linear algebra matches math.js', () => {
  it('det of 1×1 to 3×3 and larger', () => {
    expect(numberOf('=det(A1:B2)')).toBe(math.det(M2))
    close(numberOf('=det(A1:C3)'), math.det(M3))
    expect(numberOf('=det(7)')).toBe(7)
    const m5 = Array.from({ length: 5 }, (_, i) => Array.from({ length: 5 }, (_, j) => Math.sin(i * 5 + j + 1)))
    close(numberOf(`=det(${JSON.stringify(m5)})`), math.det(m5), 1e-12)
    expect(numberOf('=det([[1, 2], [2, 4]])')).toBe(0)
  })
  it('inv of 2×2, 3×3, a number; a singular matrix is #NUM!', () => {
    closeAll(tensorOf('=inv(A1:B2)'), math.inv(M2))
    closeAll(tensorOf('=inv(A1:C3)'), math.inv(M3), 1e-12)
    close(numberOf('=inv(4)'), math.inv(4))
    expect(errorOf('=inv([[1, 2], [2, 4]])')).toMatchObject({ code: '#NUM!', message: expect.stringContaining('singular') })
    expect(errorOf('=inv(0)').code).toBe('#DIV/0!')
    expect(errorOf('=inv(A1:C2)').message).toBe('inv needs a square matrix, got a 2×3 matrix')
  })
  it('trace, diag and cross', () => {
    expect(numberOf('=trace(A1:C3)')).toBe(math.trace(M3))
    expect(errorOf('=trace(A1:C2)').message).toContain('square matrix')
    closeAll(tensorOf('=diag(A1:C3)'), math.diag(M3) as unknown as number[])
    for (const k of [-2, -1, 1, 2]) closeAll(tensorOf(`=diag(A1:C3, ${k})`), math.diag(M3, k) as unknown as number[])
    closeAll(tensorOf('=diag([1, 2, 3])'), math.diag([1, 2, 3]) as unknown as number[][])
    closeAll(tensorOf('=diag([1, 2], 1)'), math.diag([1, 2], 1) as unknown as number[][])
    closeAll(tensorOf('=diag([1, 2], -1)'), math.diag([1, 2], -1) as unknown as number[][])
    closeAll(tensorOf('=cross([1, 2, 3], [4, 5, 6])'), math.cross([1, 2, 3], [4, 5, 6]) as unknown as number[])
    expect(errorOf('=diag(5)').message).toContain('a vector or a matrix')
  })
  it('the matrix operations stay within the cost budget', () => {
    expect(errorOf('=det(diag(A1:A500 + 1))').message).toContain('cost budget')
  })
})

describe('neighbours: kron, gcd, lcm, xor', () => {
  it('kron of vectors and of matrices', () => {
    closeAll(tensorOf('=kron([1, 2], [3, 4])'), math.kron([1, 2], [3, 4]) as unknown as number[])
    closeAll(tensorOf('=kron(A1:B2, [[1, -1], [0, 2]])'), math.kron(M2, [[1, -1], [0, 2]]) as unknown as number[][])
    expect(errorOf('=kron([1, 2], A1:B2)').message).toContain('two vectors or two matrices')
  })
  it('gcd and lcm of whole numbers, several at once and element-wise', () => {
    for (const [a, b] of [[12, 18], [-4, 6], [0, 5], [7, 13]]) {
      expect(numberOf(`=gcd(${a}, ${b})`)).toBe(math.gcd(a, b))
      expect(numberOf(`=lcm(${a}, ${b})`)).toBe(math.lcm(a, b))
    }
    expect(numberOf('=gcd(12, 18, 8)')).toBe(2)
    expect(numberOf('=lcm(2, 3, 4)')).toBe(12)
    closeAll(tensorOf('=gcd([12, 9], 6)'), [6, 3])
    expect(errorOf('=gcd(1.5, 3)').message).toBe('gcd needs whole numbers, got 1.5')
  })
  it('xor as an operator and as a function', () => {
    expect(valueOf('=true xor false')).toEqual({ kind: 'boolean', value: true })
    expect(valueOf('=xor(1, 1)')).toEqual({ kind: 'boolean', value: false })
  })
})

describe('operators by their math.js names, and the postfix transpose', () => {
  it('dotMultiply, dotDivide, dotPow, unaryMinus as functions', () => {
    closeAll(tensorOf('=dotMultiply([1, 2], [3, 4])'), [3, 8])
    closeAll(tensorOf('=dotDivide([1, 2], [4, 8])'), [0.25, 0.25])
    closeAll(tensorOf('=dotPow(A1:B2, 2)'), math.dotPow(M2, 2) as unknown as number[][])
    expect(numberOf('=unaryMinus(A1)')).toBe(-1)
    closeAll(tensorOf('=ctranspose(A1:C3)'), math.transpose(M3))
  })
  it("A' transposes a range, a literal, an expression; A'' is A again", () => {
    closeAll(tensorOf("=A1:C3'"), math.transpose(M3))
    closeAll(tensorOf("=A1:B2' * A1:B2"), math.multiply(math.transpose(M2), M2) as unknown as number[][])
    closeAll(tensorOf("=[[1, 2, 3]]'"), [[1], [2], [3]])
    closeAll(tensorOf("=(A1:B2 + 1)'"), math.transpose(math.add(M2, 1) as unknown as number[][]))
    closeAll(tensorOf("=A1:B2''"), M2)
    closeAll(tensorOf("=A1:B2 '"), math.transpose(M2))
  })
  it('a quote that opens a sheet name or a string still does', () => {
    const e = createEngine({
      format: 'gradsheet', version: 1, objective: null,
      sheets: [{ name: 'Sheet1', cells: { A1: { input: "='My data'!A1 * 2" }, A2: { input: "=IF(1 > 0, 'yes', 'no')" }, A3: { input: "=sum([1, 2]') + 'My data'!A1" } } },
        { name: 'My data', cells: { A1: { input: '21' } } }],
    })
    expect(e.cell('Sheet1', 'A1').value).toEqual({ kind: 'number', value: 42 })
    expect(e.cell('Sheet1', 'A2').value).toEqual({ kind: 'text', value: 'yes' })
    expect(e.cell('Sheet1', 'A3').value).toEqual({ kind: 'number', value: 24 })
  })
})

describe('the explain panel reads the new conventions', () => {
  const notes = (cells: Record<string, string>, at: string) => explainerFor(book(cells)).explain('Sheet1', at)!.notes
  it('median, std at equal entries, hypot at 0, nthRoot at 0, acot at 0', () => {
    expect(notes({ A1: '1', A2: '5', A3: '3', B1: '=median(A1:A3)' }, 'B1')).toEqual(['median: the whole gradient goes to the middle entry of the 3 sorted entries'])
    expect(notes({ A1: '1', A2: '5', B1: '=median(A1:A2)' }, 'B1')).toEqual(['median: the gradient is split equally between the two middle entries of the 2 sorted entries'])
    expect(notes({ A1: '2', A2: '2', B1: '=std(A1:A2)' }, 'B1')).toEqual(['std at equal entries: its derivative is taken as 0 there'])
    expect(notes({ A1: '0', A2: '0', B1: '=hypot(A1, A2)' }, 'B1')).toEqual(['hypot at the zero vector: its derivative is taken as 0 there'])
    expect(notes({ A1: '0', B1: '=nthRoot(A1, 3)' }, 'B1')).toEqual(['nthRoot at 0: its derivative is +∞, so gradients through it show #NUM!'])
    expect(notes({ A1: '0', B1: '=acot(A1)' }, 'B1')[0]).toMatch(/^acot at 0: the value jumps/)
    expect(notes({ A1: '1', A2: '5', B1: '=std(A1:A2) + det([[A1, 0], [0, A2]])' }, 'B1')).toEqual([])
  })
})
