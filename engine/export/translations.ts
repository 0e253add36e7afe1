// Gradsheet function → Python, for the exporter (docs/excel-and-export.md). One entry per
// function of the engine's table (engine/functions/table.ts): either how a call is
// written in the exported module, or why the function cannot be exported (the exporter
// then refuses the workbook, naming the cell and the function). The helpers named `_…`
// live in the module's prelude (prelude-torch.ts, prelude-numpy.ts) and carry the
// engine's conventions, so torch's autograd gives the engine's gradients.
// engine/export/translations.test.ts walks the function table and fails on a gap.

export type Target = 'pytorch' | 'numpy'

/** What a translation may know about the call besides its argument expressions. */
export interface CallContext {
  target: Target
  /** Whether each argument's value is a vector or matrix (for `*`: matrix product or scaling). */
  argIsTensor: boolean[]
  /** The call's own value as the engine computed it, written as Python (for COUNT, a constant of the workbook's structure). */
  valueLiteral: string
}

export type Translation =
  | { write: (args: string[], ctx: CallContext) => string }
  | { notExportable: string }

const lib = (ctx: CallContext): string => (ctx.target === 'pytorch' ? 'torch' : 'np')
/** A library function that has the same name in torch and NumPy. */
const same = (name: string): Translation => ({ write: ([a], ctx) => `${lib(ctx)}.${name}(_t(${a}))` })
/** A library function whose NumPy name differs (arcsin …). */
const named = (torchName: string, numpyName: string): Translation => ({
  write: ([a], ctx) => `${ctx.target === 'pytorch' ? `torch.${torchName}` : `np.${numpyName}`}(_t(${a}))`,
})
const helper = (name: string): Translation => ({ write: (args) => `${name}(${args.join(', ')})` })
const infix = (op: string): Translation => ({ write: ([a, b]) => `(${a} ${op} ${b})` })
/** Piecewise constant: value only, derivative 0 (SPEC §4). */
const flat = (torchName: string, numpyName = torchName): Translation => ({
  write: ([a], ctx) => `_flat_fn(${ctx.target === 'pytorch' ? `torch.${torchName}` : `np.${numpyName}`})(${a})`,
})
const reciprocal = (inner: string): Translation => ({ write: ([a], ctx) => `(1.0 / ${lib(ctx)}.${inner}(_t(${a})))` })
const sumOf: Translation = { write: (args) => `_flat(${args.join(', ')}).sum()` }
const spreadsheetEmpty = (name: string): Translation => ({ write: (args) => `${name}(${args.join(', ')}, empty=0.0)` })
const logicalAnd = helper('_and')
const logicalOr = helper('_or')
const logicalNot: Translation = { write: ([a]) => `(not _truth(${a}))` }
const conditional: Translation = { write: ([c, a, b]) => `(${a} if _truth(${c}) else ${b ?? 'False'})` }

export const TRANSLATIONS: Record<string, Translation> = {
  // Operators and literals (math.js's names for them).
  add: infix('+'),
  subtract: infix('-'),
  multiply: { write: ([a, b], ctx) => (ctx.argIsTensor[0] && ctx.argIsTensor[1] ? `_matmul(${a}, ${b})` : `(${a} * ${b})`) },
  divide: infix('/'),
  dotMultiply: infix('*'),
  dotDivide: infix('/'),
  pow: helper('_pow'),
  dotPow: helper('_pow'),
  mod: helper('_mod'),
  unaryMinus: { write: ([a]) => `(-${a})` },
  unaryPlus: { write: ([a]) => a },
  equal: infix('=='),
  unequal: infix('!='),
  smaller: infix('<'),
  larger: infix('>'),
  smallerEq: infix('<='),
  largerEq: infix('>='),
  conditional,
  array: { write: (items) => `_stack([${items.join(', ')}])` },
  // Arithmetic.
  abs: same('abs'),
  sign: flat('sign'),
  square: { write: ([a]) => `(_t(${a}) ** 2)` },
  cube: { write: ([a]) => `(_t(${a}) ** 3)` },
  // Exponentials and logarithms.
  exp: same('exp'),
  log: helper('_log'),
  log10: same('log10'),
  log2: same('log2'),
  log1p: same('log1p'),
  expm1: same('expm1'),
  sqrt: same('sqrt'),
  cbrt: helper('_cbrt'),
  // Trigonometry.
  sin: same('sin'),
  cos: same('cos'),
  tan: same('tan'),
  sec: reciprocal('cos'),
  csc: reciprocal('sin'),
  cot: reciprocal('tan'),
  asin: named('asin', 'arcsin'),
  acos: named('acos', 'arccos'),
  atan: named('atan', 'arctan'),
  atan2: { write: ([y, x], ctx) => `${ctx.target === 'pytorch' ? 'torch.atan2' : 'np.arctan2'}(_t(${y}), _t(${x}))` },
  sinh: same('sinh'),
  cosh: same('cosh'),
  tanh: same('tanh'),
  asinh: named('asinh', 'arcsinh'),
  acosh: named('acosh', 'arccosh'),
  atanh: named('atanh', 'arctanh'),
  // Rounding.
  floor: flat('floor'),
  ceil: flat('ceil'),
  fix: flat('trunc'),
  round: helper('_round'),
  ROUND: helper('_round'),
  // Logic.
  and: logicalAnd,
  or: logicalOr,
  AND: logicalAnd,
  OR: logicalOr,
  not: logicalNot,
  NOT: logicalNot,
  IF: conditional,
  // Reductions: lower case reads a range's blanks as 0; the upper-case ones get only the
  // range's numbers (the exporter leaves blanks, labels and booleans out of their ranges).
  sum: sumOf,
  SUM: sumOf,
  mean: helper('_mean'),
  AVERAGE: helper('_mean'),
  prod: helper('_prod'),
  PRODUCT: spreadsheetEmpty('_prod'),
  max: helper('_max'),
  min: helper('_min'),
  MAX: spreadsheetEmpty('_max'),
  MIN: spreadsheetEmpty('_min'),
  norm: helper('_norm'),
  SUMSQ: { write: (args) => `(_flat(${args.join(', ')}) ** 2).sum()` },
  COUNT: { write: (_args, ctx) => ctx.valueLiteral },
  SUMPRODUCT: helper('_sumproduct'),
  // Machine learning.
  sigmoid: { write: ([a], ctx) => (ctx.target === 'pytorch' ? `torch.sigmoid(_t(${a}))` : `_sigmoid(${a})`) },
  relu: { write: ([a], ctx) => (ctx.target === 'pytorch' ? `torch.relu(_t(${a}))` : `_relu(${a})`) },
  softplus: helper('_softplus'),
  softmax: helper('_softmax'),
  logsumexp: helper('_logsumexp'),
  bce_logits: helper('_bce_logits'),
  cross_entropy: helper('_cross_entropy'),
  // Linear algebra.
  transpose: helper('_transpose'),
  dot: { write: ([a, b], ctx) => `${lib(ctx)}.dot(_t(${a}), _t(${b}))` },
  // Spreadsheet names.
  ABS: same('abs'),
  SQRT: same('sqrt'),
  EXP: same('exp'),
  LN: same('log'),
  LOG10: same('log10'),
  LOG: helper('_LOG'),
  POWER: helper('_pow'),
  // math.js functions added with the engine's flat tape (issue 12).
  ctranspose: helper('_transpose'),
  nthRoot: helper('_nth_root'),
  coth: reciprocal('tanh'),
  sech: reciprocal('cosh'),
  csch: reciprocal('sinh'),
  acot: { write: ([a], ctx) => `${ctx.target === 'pytorch' ? 'torch.atan' : 'np.arctan'}(1.0 / _t(${a}))` },
  asec: { write: ([a], ctx) => `${ctx.target === 'pytorch' ? 'torch.acos' : 'np.arccos'}(1.0 / _t(${a}))` },
  acsc: { write: ([a], ctx) => `${ctx.target === 'pytorch' ? 'torch.asin' : 'np.arcsin'}(1.0 / _t(${a}))` },
  acoth: { write: ([a], ctx) => `${ctx.target === 'pytorch' ? 'torch.atanh' : 'np.arctanh'}(1.0 / _t(${a}))` },
  asech: { write: ([a], ctx) => `${ctx.target === 'pytorch' ? 'torch.acosh' : 'np.arccosh'}(1.0 / _t(${a}))` },
  acsch: { write: ([a], ctx) => `${ctx.target === 'pytorch' ? 'torch.asinh' : 'np.arcsinh'}(1.0 / _t(${a}))` },
  erf: helper('_erf'),
  variance: helper('_variance'),
  std: helper('_std'),
  median: helper('_median'),
  hypot: helper('_norm'),
  cumsum: helper('_cumsum'),
  det: { write: ([a], ctx) => `${ctx.target === 'pytorch' ? 'torch' : 'np'}.linalg.det(_t(${a}))` },
  inv: { write: ([a], ctx) => `${ctx.target === 'pytorch' ? 'torch' : 'np'}.linalg.inv(_t(${a}))` },
  trace: { write: ([a], ctx) => `${ctx.target === 'pytorch' ? 'torch' : 'np'}.trace(_t(${a}))` },
  diag: { write: ([a, k], ctx) => `${ctx.target === 'pytorch' ? 'torch' : 'np'}.diag(_t(${a})${k ? `, int(${k})` : ''})` },
  cross: { write: ([a, b], ctx) => `${ctx.target === 'pytorch' ? 'torch.linalg.cross' : 'np.cross'}(_t(${a}), _t(${b}))` },
  // Added by the `functions` helper with kron, gcd, lcm and xor (issue 12 item 7); the export owner may refine.
  kron: { write: ([a, b], ctx) => `${lib(ctx)}.kron(_t(${a}), _t(${b}))` },
  xor: { write: ([a, b]) => `(_truth(${a}) != _truth(${b}))` },
  gcd: { notExportable: 'gcd works on whole numbers only, which the exported float tensors do not keep; not exported yet' },
  lcm: { notExportable: 'lcm works on whole numbers only, which the exported float tensors do not keep; not exported yet' },
}

/** The translation of a function, or undefined when the table has no entry (a gap the test catches). */
export function translationOf(name: string): Translation | undefined {
  return Object.prototype.hasOwnProperty.call(TRANSLATIONS, name) ? TRANSLATIONS[name] : undefined
}

/**
 * How a call is written in a vectorised run (a filled-down column written as one tensor
 * line, engine/export/lanes.ts): 'elementwise' when the translation above already works
 * element by element on vectors (a torch/NumPy function or a prelude helper, scalars
 * broadcast) with each element's value and derivative those of the one-cell call;
 * 'where' when the call chooses between its arguments (IF, max/min of numbers) and is
 * written with `where`, each element taking its own branch — valid only when every
 * branch is finite with finite derivatives in every row (lanes.ts checks); 'logic' for
 * AND/OR/NOT over truth values per element (no gradient flows). `scalarArgs`:
 * arguments that must be the same in every row. A function without a rule keeps its
 * run one line per cell.
 */
export type LaneRule =
  | { kind: 'elementwise'; scalarArgs?: number[] }
  | { kind: 'where' | 'logic'; write: (args: string[]) => string }

const ELEMENTWISE = [
  'add', 'subtract', 'multiply', 'divide', 'dotMultiply', 'dotDivide', 'pow', 'dotPow', 'POWER', 'mod', 'unaryMinus', 'unaryPlus',
  'equal', 'unequal', 'smaller', 'larger', 'smallerEq', 'largerEq',
  'abs', 'ABS', 'sign', 'square', 'cube', 'exp', 'EXP', 'log', 'LN', 'log10', 'LOG10', 'LOG', 'log2', 'log1p', 'expm1',
  'sqrt', 'SQRT', 'cbrt', 'nthRoot', 'erf', 'floor', 'ceil', 'fix',
  'sin', 'cos', 'tan', 'sec', 'csc', 'cot', 'asin', 'acos', 'atan', 'atan2', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh',
  'coth', 'sech', 'csch', 'acot', 'asec', 'acsc', 'acoth', 'asech', 'acsch',
  'sigmoid', 'relu', 'softplus', 'bce_logits',
]

const where = (helper: string): LaneRule => ({ kind: 'where', write: (args) => `${helper}(${args.join(', ')})` })
const logic = (helper: string): LaneRule => ({ kind: 'logic', write: (args) => `${helper}(${args.join(', ')})` })
const ifWhere: LaneRule = { kind: 'where', write: ([c, a, b]) => `_where(${c}, ${a}, ${b ?? 'False'})` }

const LANE_RULES: Record<string, LaneRule> = {
  ...Object.fromEntries(ELEMENTWISE.map((name) => [name, { kind: 'elementwise' } as LaneRule])),
  // The number of digits is one Python float for the whole run.
  round: { kind: 'elementwise', scalarArgs: [1] },
  ROUND: { kind: 'elementwise', scalarArgs: [1] },
  conditional: ifWhere,
  IF: ifWhere,
  // First extremum per element (strict comparison keeps the earlier argument on ties), SPEC §4.
  max: where('_max_lanes'),
  MAX: where('_max_lanes'),
  min: where('_min_lanes'),
  MIN: where('_min_lanes'),
  // Truth values per element; lanes.ts lets them reach only a choice's condition.
  and: logic('_and_lanes'),
  AND: logic('_and_lanes'),
  or: logic('_or_lanes'),
  OR: logic('_or_lanes'),
  not: logic('_not_lanes'),
  NOT: logic('_not_lanes'),
}

/** The lane rule of a function, or undefined: a run using it stays one line per cell. */
export function laneRuleOf(name: string): LaneRule | undefined {
  return Object.prototype.hasOwnProperty.call(LANE_RULES, name) ? LANE_RULES[name] : undefined
}
