// + - * / ^, unary signs, element-wise .* ./ .^, mod, abs, sign and friends.
import { Err, Tensor } from '../values'
import { binary, unary, unaryFlat } from './elementwise'
import { matmul, matmulGrad } from './matrix'
import { SMOOTH, kink, kinkAtZero } from './conventions'
import { inline1, inline2, type FnDef } from './types'

const divZero = (_a: number, b: number): Err | null => (b === 0 ? new Err('#DIV/0!', 'division by zero') : null)

function powDomain(a: number, b: number): Err | null {
  if (a === 0 && b < 0) return new Err('#DIV/0!', `0 raised to the negative power ${b} divides by zero`)
  if (a < 0 && !Number.isInteger(b)) return new Err('#NUM!', `${a} raised to the non-integer power ${b} is not a real number`)
  return null
}

const add = inline2(binary('add', (a, b) => a + b, () => 1, () => 1), 'add')
const subtract = inline2(binary('subtract', (a, b) => a - b, () => 1, () => -1), 'subtract')
const dotMultiply = inline2(binary('dotMultiply', (a, b) => a * b, (_a, b) => b, (a) => a), 'multiply')
const divide = inline2(binary('divide', (a, b) => a / b, (_a, b) => 1 / b, (_a, b, y) => -y / b, divZero), 'divide')
// d/db a^b = a^b·ln a; where ln a is undefined (a ≤ 0) the convention is 0.
const powRule = inline2(binary(
  'pow',
  (a, b) => Math.pow(a, b),
  (a, b) => (b === 0 ? 0 : b * Math.pow(a, b - 1)),
  (a, _b, y) => (a > 0 ? y * Math.log(a) : 0),
  powDomain,
  // Not badged for integer exponents: (residual)^2 with a negative residual is the common
  // case and its exponent is a constant; a non-integer exponent of a negative base is #NUM!.
  kink('a base ≤ 0', 'its derivative for the exponent is taken as 0 there (the log of the base is not real)', (args) =>
    typeof args[0] === 'number' && args[0] === 0 && typeof args[1] === 'number' && !Number.isInteger(args[1]) ? 1 : 0),
), 'pow')

/** `*`: scalar product, broadcast against tensors, or the matrix product of two tensors. */
const multiply: FnDef = {
  name: 'multiply',
  min: 2,
  max: 2,
  convention: SMOOTH,
  fast2: dotMultiply.fast2,
  value([a, b]) {
    if (a instanceof Tensor && b instanceof Tensor) return matmul(a, b)
    return dotMultiply.value([a, b])
  },
  grad([a, b], out, adj) {
    if (a instanceof Tensor && b instanceof Tensor) return matmulGrad(a, b, adj)
    return dotMultiply.grad!([a, b], out, adj)
  },
}

/** `/`: a tensor can be divided by a scalar; dividing by a matrix is not supported. */
const divideOp: FnDef = {
  ...divide,
  value([a, b]) {
    if (b instanceof Tensor) return new Err('#VALUE!', 'dividing by a vector or matrix is not supported; use ./ for element-wise division')
    return divide.value([a, b])
  },
}

/** `^`: scalars only (a tensor power would be a matrix power); .^ is element-wise. */
const pow: FnDef = {
  ...powRule,
  value([a, b]) {
    if (a instanceof Tensor || b instanceof Tensor)
      return new Err('#VALUE!', '^ works on numbers; use .^ for an element-wise power of a vector or matrix')
    return powRule.value([a, b])
  },
}

const mod = binary(
  'mod',
  (a, b) => a - b * Math.floor(a / b),
  () => 1,
  (a, b) => -Math.floor(a / b),
  divZero,
  kink('a multiple of the divisor', 'the value jumps there; its derivative is taken from the right', (args) =>
    typeof args[0] === 'number' && typeof args[1] === 'number' && args[1] !== 0 && Number.isInteger(args[0] / args[1]) ? 1 : 0),
)

export const arithmeticFunctions: FnDef[] = [
  add,
  subtract,
  multiply,
  divideOp,
  pow,
  mod,
  dotMultiply,
  { ...divide, name: 'dotDivide' },
  { ...powRule, name: 'dotPow' },
  inline1(unary('unaryMinus', (x) => -x, () => -1), 'negate'),
  unary('unaryPlus', (x) => x, () => 1),
  // abs'(0) = 0 by convention (SPEC §4).
  unary('abs', Math.abs, (x) => (x > 0 ? 1 : x < 0 ? -1 : 0), undefined, kinkAtZero),
  unaryFlat('sign', Math.sign),
  unary('square', (x) => x * x, (x) => 2 * x),
  unary('cube', (x) => x * x * x, (x) => 3 * x * x),
]
