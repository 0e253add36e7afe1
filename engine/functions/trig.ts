// Trigonometric and hyperbolic functions and their inverses (real domains only).
import { Err } from '../values'
import { binary, unary } from './elementwise'
import { infiniteSlope } from './conventions'
import type { FnDef } from './types'

const within1 = (name: string) => (x: number): Err | null =>
  x < -1 || x > 1 ? new Err('#NUM!', `${name}(${x}) is not a real number (needs -1 ≤ x ≤ 1)`) : null

export const tanh = unary('tanh', Math.tanh, (_x, y) => 1 - y * y)

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
]
