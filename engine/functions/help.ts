// What each callable function does, in words: its signature, one line of description
// and an example. The one source for the help shown while typing a formula and for the
// Formula reference page; help.test.ts fails when a function of the table has no entry
// here (or an entry names a function the table does not have).

export interface FunctionHelp {
  /** How it is called, optional arguments in brackets: `ROUND(x, [digits])`. */
  signature: string
  /** One line: what it computes (and, where it matters, its gradient convention). */
  description: string
  /** A formula using it, with its result. */
  example?: string
  /** The family it is listed under on the reference page. */
  group: FunctionGroup
}

export type FunctionGroup =
  | 'Spreadsheet' | 'Arithmetic' | 'Exponents and logarithms' | 'Trigonometry' | 'Rounding'
  | 'Logic' | 'Reductions' | 'Statistics' | 'Machine learning' | 'Losses' | 'Vectors and matrices'

/** The order of groups on the reference page. */
export const FUNCTION_GROUPS: FunctionGroup[] = ['Spreadsheet', 'Arithmetic', 'Exponents and logarithms', 'Trigonometry',
  'Rounding', 'Logic', 'Reductions', 'Statistics', 'Machine learning', 'Losses', 'Vectors and matrices']

const h = (group: FunctionGroup, signature: string, description: string, example?: string): FunctionHelp =>
  ({ group, signature, description, example })

const S: FunctionGroup = 'Spreadsheet'
const A: FunctionGroup = 'Arithmetic'
const X: FunctionGroup = 'Exponents and logarithms'
const T: FunctionGroup = 'Trigonometry'
const R: FunctionGroup = 'Rounding'
const L: FunctionGroup = 'Logic'
const D: FunctionGroup = 'Reductions'
const St: FunctionGroup = 'Statistics'
const M: FunctionGroup = 'Machine learning'
const C: FunctionGroup = 'Losses'
const V: FunctionGroup = 'Vectors and matrices'

const HELP: Record<string, FunctionHelp> = {
  // The spreadsheet's upper-case names (ranges read the spreadsheet way: blanks and labels skipped).
  SUM: h(S, 'SUM(value1, [value2], …)', 'Adds its numbers; empty cells and labels in a range are skipped.', '=SUM(A1:A10)'),
  AVERAGE: h(S, 'AVERAGE(value1, [value2], …)', 'The mean of its numbers; empty cells and labels in a range are not counted.', '=AVERAGE(B2:B9)'),
  MIN: h(S, 'MIN(value1, [value2], …)', 'The smallest number; the gradient goes to the first cell attaining it.', '=MIN(A1:A5)'),
  MAX: h(S, 'MAX(value1, [value2], …)', 'The largest number; the gradient goes to the first cell attaining it.', '=MAX(A1:A5)'),
  COUNT: h(S, 'COUNT(value1, [value2], …)', 'How many numbers there are (empty cells, labels and errors are not counted); no gradient.', '=COUNT(A1:A10)'),
  PRODUCT: h(S, 'PRODUCT(value1, [value2], …)', 'Multiplies its numbers; empty cells and labels in a range are skipped.', '=PRODUCT(A1:A3)'),
  SUMSQ: h(S, 'SUMSQ(value1, [value2], …)', 'The sum of the squares of its numbers.', '=SUMSQ(D2:D9)'),
  SUMPRODUCT: h(S, 'SUMPRODUCT(range1, [range2], …)', 'Multiplies the ranges entry by entry and adds the products (same shapes).', '=SUMPRODUCT(A1:A3, B1:B3)'),
  ABS: h(S, 'ABS(x)', 'The absolute value |x| (derivative 0 at 0).', '=ABS(-3) → 3'),
  SQRT: h(S, 'SQRT(x)', 'The square root; a negative x is #NUM!.', '=SQRT(9) → 3'),
  EXP: h(S, 'EXP(x)', 'e raised to the power x.', '=EXP(1) → 2.71828'),
  LN: h(S, 'LN(x)', 'The natural logarithm; x must be positive.', '=LN(EXP(2)) → 2'),
  LOG10: h(S, 'LOG10(x)', 'The base-10 logarithm.', '=LOG10(1000) → 3'),
  LOG: h(S, 'LOG(x, [base])', 'The logarithm of x to base (10 when not given), as in Excel.', '=LOG(8, 2) → 3'),
  POWER: h(S, 'POWER(x, y)', 'x raised to the power y (the same as x ^ y).', '=POWER(2, 10) → 1024'),
  IF: h(S, 'IF(condition, then, [else])', 'then when the condition holds, else otherwise (false when not given); only the branch taken gets a gradient.', '=IF(A1 > 0, A1, 0)'),
  AND: h(S, 'AND(condition1, [condition2], …)', 'true when every condition holds.', '=AND(A1 > 0, A1 < 1)'),
  OR: h(S, 'OR(condition1, [condition2], …)', 'true when at least one condition holds.', '=OR(A1 < 0, A1 > 1)'),
  NOT: h(S, 'NOT(condition)', 'true when the condition does not hold.', '=NOT(A1 > 0)'),
  ROUND: h(S, 'ROUND(x, [digits])', 'x rounded to digits decimal places (0 when not given); no gradient.', '=ROUND(3.14159, 2) → 3.14'),

  // math.js names: arithmetic.
  add: h(A, 'add(x, y)', 'x + y, element-wise with broadcasting.', '=add(2, 3) → 5'),
  subtract: h(A, 'subtract(x, y)', 'x − y, element-wise with broadcasting.', '=subtract(5, 3) → 2'),
  multiply: h(A, 'multiply(x, y)', 'x * y: a scalar scales, vector·vector is the dot product, matrix·vector the matrix product.', '=multiply(2, 3) → 6'),
  divide: h(A, 'divide(x, y)', 'x / y; dividing by zero is #DIV/0!.', '=divide(6, 3) → 2'),
  pow: h(A, 'pow(x, y)', 'x raised to the power y (the same as x ^ y).', '=pow(2, 3) → 8'),
  mod: h(A, 'mod(a, b)', 'The remainder a − b·floor(a/b); gradient 1 for a, −floor(a/b) for b.', '=mod(7, 3) → 1'),
  abs: h(A, 'abs(x)', 'The absolute value |x|, element-wise (derivative 0 at 0).', '=abs(-2) → 2'),
  sign: h(A, 'sign(x)', '−1, 0 or 1 by the sign of x; no gradient.', '=sign(-4) → -1'),
  square: h(A, 'square(x)', 'x², element-wise.', '=square(3) → 9'),
  cube: h(A, 'cube(x)', 'x³, element-wise.', '=cube(2) → 8'),
  sqrt: h(A, 'sqrt(x)', 'The square root, element-wise; a negative x is #NUM! (never complex).', '=sqrt(16) → 4'),
  cbrt: h(A, 'cbrt(x)', 'The cube root, element-wise (negative x allowed).', '=cbrt(-8) → -2'),
  nthRoot: h(A, 'nthRoot(a, [n])', 'The n-th root of a (square root when n is not given); a negative a needs an odd whole n.', '=nthRoot(27, 3) → 3'),
  hypot: h(A, 'hypot(x, y, …)', 'The length √(x² + y² + …) of its numbers, without overflow.', '=hypot(3, 4) → 5'),
  dotMultiply: h(A, 'dotMultiply(x, y)', 'Element-wise product, the same as x .* y.', '=dotMultiply(2, 3) → 6'),
  dotDivide: h(A, 'dotDivide(x, y)', 'Element-wise quotient, the same as x ./ y.', '=dotDivide(6, 3) → 2'),
  dotPow: h(A, 'dotPow(x, y)', 'Element-wise power, the same as x .^ y.', '=dotPow(2, 3) → 8'),
  unaryMinus: h(A, 'unaryMinus(x)', '−x, the same as the prefix minus.', '=unaryMinus(4) → -4'),
  unaryPlus: h(A, 'unaryPlus(x)', 'x itself, the same as a prefix plus.', '=unaryPlus(4) → 4'),

  // Exponents and logarithms.
  exp: h(X, 'exp(x)', 'e raised to the power x, element-wise.', '=exp(0) → 1'),
  expm1: h(X, 'expm1(x)', 'eˣ − 1, accurate for x near 0.', '=expm1(1e-10) → 1e-10'),
  log: h(X, 'log(x, [base])', 'The natural logarithm (math.js), or the logarithm to base when given.', '=log(e) → 1'),
  log10: h(X, 'log10(x)', 'The base-10 logarithm, element-wise.', '=log10(100) → 2'),
  log2: h(X, 'log2(x)', 'The base-2 logarithm, element-wise.', '=log2(8) → 3'),
  log1p: h(X, 'log1p(x)', 'ln(1 + x), accurate for x near 0.', '=log1p(0) → 0'),

  // Trigonometry and hyperbolic functions (radians).
  sin: h(T, 'sin(x)', 'The sine of x radians, element-wise.', '=sin(pi / 2) → 1'),
  cos: h(T, 'cos(x)', 'The cosine of x radians, element-wise.', '=cos(0) → 1'),
  tan: h(T, 'tan(x)', 'The tangent of x radians, element-wise.', '=tan(pi / 4) → 1'),
  sec: h(T, 'sec(x)', 'The secant 1/cos(x).', '=sec(0) → 1'),
  csc: h(T, 'csc(x)', 'The cosecant 1/sin(x).', '=csc(pi / 2) → 1'),
  cot: h(T, 'cot(x)', 'The cotangent 1/tan(x).', '=cot(pi / 4) → 1'),
  asin: h(T, 'asin(x)', 'The arcsine in radians; x outside [−1, 1] is #NUM!.', '=asin(1) → 1.5708'),
  acos: h(T, 'acos(x)', 'The arccosine in radians; x outside [−1, 1] is #NUM!.', '=acos(1) → 0'),
  atan: h(T, 'atan(x)', 'The arctangent in radians.', '=atan(1) → 0.785398'),
  atan2: h(T, 'atan2(y, x)', 'The angle of the point (x, y) in radians, in (−π, π].', '=atan2(1, 1) → 0.785398'),
  acot: h(T, 'acot(x)', 'The arccotangent atan(1/x) in radians.', '=acot(1) → 0.785398'),
  asec: h(T, 'asec(x)', 'The arcsecant acos(1/x); x inside (−1, 1) is #NUM!.', '=asec(1) → 0'),
  acsc: h(T, 'acsc(x)', 'The arccosecant asin(1/x); x inside (−1, 1) is #NUM!.', '=acsc(1) → 1.5708'),
  sinh: h(T, 'sinh(x)', 'The hyperbolic sine.', '=sinh(0) → 0'),
  cosh: h(T, 'cosh(x)', 'The hyperbolic cosine.', '=cosh(0) → 1'),
  tanh: h(T, 'tanh(x)', 'The hyperbolic tangent, a common activation (derivative 1 − tanh²).', '=tanh(0) → 0'),
  coth: h(T, 'coth(x)', 'The hyperbolic cotangent 1/tanh(x).', '=coth(1) → 1.31304'),
  sech: h(T, 'sech(x)', 'The hyperbolic secant 1/cosh(x).', '=sech(0) → 1'),
  csch: h(T, 'csch(x)', 'The hyperbolic cosecant 1/sinh(x).', '=csch(1) → 0.850918'),
  asinh: h(T, 'asinh(x)', 'The inverse hyperbolic sine.', '=asinh(0) → 0'),
  acosh: h(T, 'acosh(x)', 'The inverse hyperbolic cosine; x below 1 is #NUM!.', '=acosh(1) → 0'),
  atanh: h(T, 'atanh(x)', 'The inverse hyperbolic tangent; x outside (−1, 1) is #NUM!.', '=atanh(0) → 0'),
  acoth: h(T, 'acoth(x)', 'The inverse hyperbolic cotangent; x inside [−1, 1] is #NUM!.', '=acoth(2) → 0.549306'),
  asech: h(T, 'asech(x)', 'The inverse hyperbolic secant; x outside (0, 1] is #NUM!.', '=asech(1) → 0'),
  acsch: h(T, 'acsch(x)', 'The inverse hyperbolic cosecant.', '=acsch(1) → 0.881374'),

  // Rounding (piecewise constant: no gradient).
  round: h(R, 'round(x, [digits])', 'x rounded to digits decimals (0 when not given); no gradient.', '=round(2.567, 1) → 2.6'),
  floor: h(R, 'floor(x)', 'The largest whole number ≤ x; no gradient.', '=floor(2.7) → 2'),
  ceil: h(R, 'ceil(x)', 'The smallest whole number ≥ x; no gradient.', '=ceil(2.1) → 3'),
  fix: h(R, 'fix(x)', 'x rounded towards zero; no gradient.', '=fix(-2.7) → -2'),
  gcd: h(R, 'gcd(a, b, …)', 'The greatest common divisor of whole numbers; no gradient.', '=gcd(12, 18) → 6'),
  lcm: h(R, 'lcm(a, b, …)', 'The least common multiple of whole numbers; no gradient.', '=lcm(4, 6) → 12'),

  // Logic (math.js names; operators `and`, `or`, `not` are the same functions).
  and: h(L, 'and(a, b, …)', 'true when every argument holds (also the operator a and b).', '=and(1 > 0, 2 > 1) → true'),
  or: h(L, 'or(a, b, …)', 'true when at least one argument holds (also the operator a or b).', '=or(1 > 2, 2 > 1) → true'),
  xor: h(L, 'xor(a, b)', 'true when exactly one of a and b holds (also the operator a xor b).', '=xor(1 > 0, 2 > 1) → false'),
  not: h(L, 'not(a)', 'true when a does not hold (also the operator not a).', '=not(1 > 2) → true'),

  // Reductions over vectors, matrices and ranges (empty cells read as 0).
  sum: h(D, 'sum(x, …)', 'The sum of every entry of its arguments (an empty cell reads as 0).', '=sum([1, 2, 3]) → 6'),
  mean: h(D, 'mean(x, …)', 'The mean of every entry (an empty cell counts as 0).', '=mean([1, 2, 3]) → 2'),
  prod: h(D, 'prod(x, …)', 'The product of every entry.', '=prod([2, 3, 4]) → 24'),
  max: h(D, 'max(x, …)', 'The largest entry; the gradient goes to the first entry attaining it.', '=max(1, 5, 3) → 5'),
  min: h(D, 'min(x, …)', 'The smallest entry; the gradient goes to the first entry attaining it.', '=min(1, 5, 3) → 1'),
  norm: h(D, 'norm(x)', 'The Euclidean length √(Σx²) of a vector (gradient 0 at the zero vector).', '=norm([3, 4]) → 5'),

  // Statistics.
  variance: h(St, 'variance(x, …, [normalization])', 'The variance of every entry; divides by n − 1 unless "uncorrected" (n) or "biased" (n + 1) is given.', '=variance([1, 2, 3, 4]) → 1.66667'),
  std: h(St, 'std(x, …, [normalization])', 'The standard deviation √variance (n − 1 by default, as math.js).', '=std([2, 4, 4, 4, 5, 5, 7, 9], "uncorrected") → 2'),
  median: h(St, 'median(x, …)', 'The middle entry (the mean of the two middle ones for an even count); the gradient goes to them.', '=median([3, 1, 2]) → 2'),
  cumsum: h(St, 'cumsum(x, [dim])', 'Running totals of a vector (a matrix: down its columns, or along rows with dim 1).', '=cumsum([1, 2, 3])'),
  erf: h(St, 'erf(x)', 'The error function 2/√π ∫₀ˣ e^(−t²) dt.', '=erf(0) → 0'),

  // Machine-learning helpers.
  sigmoid: h(M, 'sigmoid(x)', 'The logistic function 1/(1 + e⁻ˣ), element-wise.', '=sigmoid(0) → 0.5'),
  relu: h(M, 'relu(x)', 'max(x, 0), element-wise (derivative 0 at 0).', '=relu(-2) → 0'),
  softplus: h(M, 'softplus(x)', 'ln(1 + eˣ), a smooth relu, computed without overflow.', '=softplus(0) → 0.693147'),
  softmax: h(M, 'softmax(z)', 'eᶻ normalised to sum 1 (each row of a matrix), computed stably.', '=softmax([1, 2, 3])'),
  logsumexp: h(M, 'logsumexp(x, …)', 'ln Σ eˣ over every entry, computed without overflow.', '=logsumexp([1000, 1000]) → 1000.69'),

  // Losses.
  bce_logits: h(C, 'bce_logits(z, y)', 'Binary cross-entropy of logit z against label y (0 or 1), stable for large |z|.', '=bce_logits(0, 1) → 0.693147'),
  cross_entropy: h(C, 'cross_entropy(z, t)', 'Softmax cross-entropy of logits z against a probability vector t or a class number 1…n.', '=cross_entropy([2, 1, 0], 1)'),

  // Vectors and matrices.
  dot: h(V, 'dot(a, b)', 'The dot product Σ aᵢbᵢ of two vectors of one length.', '=dot([1, 2], [3, 4]) → 11'),
  transpose: h(V, 'transpose(m)', "Rows become columns (also the postfix m').", '=transpose(A1:C2)'),
  ctranspose: h(V, 'ctranspose(m)', 'The conjugate transpose: for real numbers the same as transpose.', '=ctranspose(A1:C2)'),
  kron: h(V, 'kron(a, b)', 'The Kronecker product of two vectors or matrices.', '=kron([1, 2], [1, 10])'),
  det: h(V, 'det(m)', 'The determinant of a square matrix.', '=det([[1, 2], [3, 4]]) → -2'),
  inv: h(V, 'inv(m)', 'The inverse of a square matrix (of a number: 1/x); a singular matrix is an error.', '=inv(4) → 0.25'),
  trace: h(V, 'trace(m)', 'The sum of the diagonal of a square matrix.', '=trace([[1, 2], [3, 4]]) → 5'),
  diag: h(V, 'diag(x, [k])', 'A vector becomes a matrix with it on diagonal k; a matrix gives its diagonal k as a vector.', '=diag([1, 2])'),
  cross: h(V, 'cross(a, b)', 'The cross product of two 3-vectors.', '=cross([1, 0, 0], [0, 1, 0])'),
}

/** The help of a callable function, or undefined (the coverage test keeps that from happening). */
export function functionHelp(name: string): FunctionHelp | undefined {
  return Object.prototype.hasOwnProperty.call(HELP, name) ? HELP[name] : undefined
}

/** Every function with help, in the table's spelling. */
export function helpNames(): string[] {
  return Object.keys(HELP)
}
