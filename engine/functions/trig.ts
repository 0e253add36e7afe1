// Trigonometric and hyperbolic functions and their inverses (real domains only: where
// math.js would answer with a complex number, the cell is #NUM!). The reciprocal ones
// (sec, csc, cot and their inverses, coth, sech, csch and theirs) as math.js defines them.
import { Err } from '../values'
import { binary, unary } from './elementwise'
import { entriesWhere, infiniteSlope, kink } from './conventions'
import { inline1, type FnDef } from './types'

const within1 = (name: string) => (x: number): Err | null =>
  x < -1 || x > 1 ? new Err('#NUM!', `${name}(${x}) is not a real number (needs -1 ≤ x ≤ 1)`) : null

const outside1 = (name: string) => (x: number): Err | null =>
  x > -1 && x < 1 ? new Err('#NUM!', `${name}(${x}) is not a real number (needs x ≤ -1 or x ≥ 1)`) : null

export const tanh = inline1(unary('tanh', Math.tanh, (_x, y) => 1 - y * y), 'tanh')

export const trigFunctions: FnDef[] = [
  unary('sin', Math.sin, Math.cos),
  unary('cos', Math.cos, (x) => -Math.sin(x)),
  unary('tan', Math.tan, (x) => 1 / (Math.cos(x) * Math.cos(x))),
  unary('sec', (x) => 1 / Math.cos(x), (x) => Math.tan(x) / Math.cos(x)),
  unary('csc', (x) => 1 / Math.sin(x), (x) => -1 / (Math.tan(x) * Math.sin(x))),
  unary('cot', (x) => 1 / Math.tan(x), (x) => -1 / (Math.sin(x) * Math.sin(x))),
  unary('asin', Math.asin, (x) => 1 / Math.sqrt(1 - x * x), within1('asin'), infiniteSlope('±1', (x) => Math.abs(x) === 1)),
  unary('acos', Math.acos, (x) => -1 / Math.sqrt(1 - x * x), within1('acos'), infiniteSlope('±1', (x) => Math.abs(x) === 1, '−∞')),
  unary('atan', Math.atan, (x) => 1 / (1 + x * x)),
  binary('atan2', Math.atan2, (y, x) => x / (x * x + y * y), (y, x) => -y / (x * x + y * y)),
  unary('sinh', Math.sinh, Math.cosh),
  unary('cosh', Math.cosh, Math.sinh),
  tanh,
  unary('asinh', Math.asinh, (x) => 1 / Math.sqrt(x * x + 1)),
  unary('acosh', Math.acosh, (x) => 1 / Math.sqrt(x * x - 1), (x) =>
    x < 1 ? new Err('#NUM!', `acosh(${x}) is not a real number (needs x ≥ 1)`) : null,
  infiniteSlope('1', (x) => x === 1)),
  unary('atanh', Math.atanh, (x) => 1 / (1 - x * x), (x) =>
    x <= -1 || x >= 1 ? new Err('#NUM!', `atanh(${x}) is not a finite real number (needs -1 < x < 1)`) : null,
  ),
  unary('coth', (x) => 1 / Math.tanh(x), (x) => -1 / (Math.sinh(x) * Math.sinh(x))),
  unary('sech', (x) => 1 / Math.cosh(x), (x, y) => -y * Math.tanh(x)),
  unary('csch', (x) => 1 / Math.sinh(x), (x, y) => -y / Math.tanh(x)),
  // acot(0) = π/2, as math.js gives it (atan(1/0) = atan(∞)); it jumps from −π/2 there.
  unary('acot', (x) => Math.atan(1 / x), (x) => -1 / (1 + x * x), undefined,
    kink('0', 'the value jumps from −π/2 to π/2 there; its derivative is taken as −1, the same from both sides', entriesWhere((x) => x === 0))),
  unary('asec', (x) => Math.acos(1 / x), (x) => 1 / (Math.abs(x) * Math.sqrt(x * x - 1)), outside1('asec'),
    infiniteSlope('±1', (x) => Math.abs(x) === 1)),
  unary('acsc', (x) => Math.asin(1 / x), (x) => -1 / (Math.abs(x) * Math.sqrt(x * x - 1)), outside1('acsc'),
    infiniteSlope('±1', (x) => Math.abs(x) === 1, '−∞')),
  unary('acoth', (x) => Math.atanh(1 / x), (x) => 1 / (1 - x * x), (x) =>
    x >= -1 && x <= 1 ? new Err('#NUM!', `acoth(${x}) is not a finite real number (needs x < -1 or x > 1)`) : null,
  ),
  unary('asech', (x) => Math.acosh(1 / x), (x) => -1 / (x * Math.sqrt(1 - x * x)), (x) =>
    x <= 0 || x > 1 ? new Err('#NUM!', `asech(${x}) is not a finite real number (needs 0 < x ≤ 1)`) : null,
    infiniteSlope('1', (x) => x === 1, '−∞')),
  unary('acsch', (x) => Math.asinh(1 / x), (x) => -1 / (Math.abs(x) * Math.sqrt(1 + x * x))),
]
