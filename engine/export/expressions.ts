// One formula cell's program (engine/formula/program.ts) written as a Python expression.
// The ops are replayed with the engine's own function values, so each call knows its
// arguments' kinds (a `*` of two tensors is a matrix product) and COUNT its value; a
// range becomes a slice of the data vector when its cells lie there in order, else a
// stack of the cells' variables. Ranges read by the spreadsheet's reductions (SUM,
// AVERAGE, …) keep only their number cells, as the engine does. A vectorised run's
// program is written once for all its rows (`Lanes`, from lanes.ts): its lane slots read
// vector slices, its choices become `where`s; ranges over a run's cells read its vector.
import type { CellValue } from '../api'
import { RangeNumbers } from '../functions/rangeNumbers'
import { Err, Tensor, tensorFromNested, type V } from '../values'
import type { PlannedCell } from './plan'
import { pyNumber, pyString } from './python-names'
import { laneRuleOf, translationOf, type Target } from './translations'

export interface CellSource {
  /** How the exported code reads a cell: its variable, data[k], or a constant. */
  read(key: string): string
  /** Where a cell sits in a vector the module holds (data, or a vectorised run's variable), or undefined. */
  place(key: string): VectorPlace | undefined
  cell(key: string): PlannedCell | undefined
}

export interface VectorPlace {
  vector: string
  index: number
  /** The vector's length. */
  size: number
}

/** How a vectorised run's program is written (lanes.ts decided it may be). */
export interface Lanes {
  /** 1 for each op whose value differs per row. */
  laneOps: Uint8Array
  /** The vector a lane slot reads (one element per row). */
  slotExpr(slot: number): string
  /** The run's number of rows. */
  rows: number
}

export function valueOf(v: CellValue): V {
  switch (v.kind) {
    case 'number':
    case 'text':
    case 'boolean':
      return v.value
    case 'tensor':
      return Array.isArray(v.value[0]) ? tensorFromNested(v.value as number[][]) : new Tensor([v.value.length], Float64Array.from(v.value as number[]))
    case 'empty':
      return 0
    case 'error':
      return new Err(v.error.code, v.error.message)
  }
}

/** A constant as Python. */
export function pyValue(v: V): string {
  if (typeof v === 'number') return pyNumber(v)
  if (typeof v === 'boolean') return v ? 'True' : 'False'
  if (typeof v === 'string') return pyString(v)
  if (v instanceof Err) return `_error(${pyString(`${v.code} ${v.message}`)})`
  const rows = v.shape.length === 1 ? [Array.from(v.data)] : Array.from({ length: v.shape[0] }, (_, i) => Array.from(v.data.slice(i * v.shape[1], (i + 1) * v.shape[1])))
  const text = rows.map((r) => `[${r.map(pyNumber).join(', ')}]`)
  return v.shape.length === 1 ? text[0] : `[${text.join(', ')}]`
}

export class NotExportable {
  constructor(readonly message: string) {}
}

/** The cell's formula as one Python expression (for a run: its vector). Throws NotExportable naming the function. */
export function formulaExpression(cell: PlannedCell, source: CellSource, target: Target, lanes?: Lanes): string {
  return writeProgram(cell, source, target, lanes).expr
}

/** The value of each op of the cell's program, as the engine computes it (lanes.ts replays the other rows from it). */
export function programValues(cell: PlannedCell, source: CellSource, target: Target): V[] {
  return writeProgram(cell, source, target).values
}

function writeProgram(cell: PlannedCell, source: CellSource, target: Target, lanes?: Lanes): { expr: string; values: V[] } {
  const program = cell.compiled!.program
  const ops = program.ops
  const exprs: string[] = []
  const vals: V[] = []
  // Which range ops a spreadsheet reduction reads (0: tensor reading, 1: numbers only, 2: numbers kept in place).
  const reading = new Uint8Array(ops.length)
  for (const op of ops)
    if (op.k === 'call' && op.fn.skipsNonNumbersInRanges)
      for (const a of op.args) if (ops[a].k === 'range') reading[a] = op.fn.name === 'SUMPRODUCT' ? 2 : 1
  const cellValue = (key: string | null | undefined): V => {
    const c = key ? source.cell(key) : undefined
    return c ? valueOf(c.view.value) : new Err('#REF!', 'the reference could not be resolved')
  }
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i]
    switch (op.k) {
      case 'const':
        exprs.push(pyValue(op.v))
        vals.push(op.v)
        break
      case 'cell': {
        const key = cell.slots[op.slot]?.keys[0]
        if (lanes?.laneOps[i]) exprs.push(lanes.slotExpr(op.slot))
        else exprs.push(key ? source.read(key) : pyValue(new Err('#REF!', 'a reference outside the grid')))
        vals.push(cellValue(key))
        break
      }
      case 'name': {
        const key = cell.names[op.index]
        exprs.push(key ? source.read(key) : pyValue(new Err('#NAME?', `unknown name ${op.name}`)))
        vals.push(cellValue(key))
        break
      }
      case 'range': {
        const slot = cell.slots[op.slot]
        if (!slot) {
          exprs.push(pyValue(new Err('#REF!', 'a range outside the grid')))
          vals.push(new Err('#REF!', 'a range outside the grid'))
          break
        }
        const range = rangeExpression(slot, source, target, reading[i])
        exprs.push(range.expr)
        vals.push(range.value)
        break
      }
      case 'call': {
        const t = translationOf(op.fn.name)
        if (!t) throw new NotExportable(`${cell.key} uses ${op.fn.name}, which has no translation to Python`)
        if ('notExportable' in t) throw new NotExportable(`${cell.key} uses ${op.fn.name}, which cannot be exported: ${t.notExportable}`)
        const args = op.args.map((a) => vals[a])
        const bad = args.find((a) => a instanceof Err)
        let value: V
        try {
          value = bad && !op.fn.seesErrors ? bad : op.fn.value(args)
        } catch {
          value = new Err('#VALUE!', 'not computable')
        }
        const rule = lanes?.laneOps[i] ? laneRuleOf(op.fn.name) : undefined
        if (rule && rule.kind !== 'elementwise') exprs.push(rule.write(op.args.map((a) => exprs[a])))
        else exprs.push(t.write(op.args.map((a) => exprs[a]), {
          target,
          argIsTensor: args.map((a) => a instanceof Tensor),
          valueLiteral: typeof value === 'number' ? pyNumber(value) : pyValue(value),
        }))
        vals.push(value)
        break
      }
    }
  }
  let top = exprs[exprs.length - 1]
  // A run whose formula reads no row of its own is still one element per row.
  if (lanes && !lanes.laneOps[ops.length - 1]) top = `_lanes(${top}, ${lanes.rows})`
  return { expr: top.startsWith('(') && top.endsWith(')') && balanced(top.slice(1, -1)) ? top.slice(1, -1) : top, values: vals }
}

function balanced(s: string): boolean {
  let depth = 0
  let quote = false
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (c === '"' && s[i - 1] !== '\\') quote = !quote
    if (quote) continue
    if (c === '(' || c === '[') depth++
    else if (c === ')' || c === ']') depth--
    if (depth < 0) return false
  }
  return depth === 0
}

/** A block of cells as Python: one slice of a vector when possible, else the cells and slices concatenated. */
function rangeExpression(
  slot: { keys: string[]; rows: number; cols: number },
  source: CellSource,
  target: Target,
  reading: number,
): { expr: string; value: V } {
  const matrix = slot.rows > 1 && slot.cols > 1
  const items: string[] = []
  const places: (VectorPlace | undefined)[] = []
  const data = new Float64Array(slot.keys.length)
  const isNumber = new Uint8Array(slot.keys.length)
  let error: Err | null = null
  slot.keys.forEach((key, i) => {
    const c = source.cell(key)
    const v = c?.view.value ?? { kind: 'empty' as const }
    if (v.kind === 'number') {
      data[i] = v.value
      isNumber[i] = 1
    } else if (v.kind === 'boolean' && !reading) data[i] = v.value ? 1 : 0
    else if (v.kind === 'error' && !error) error = new Err(v.error.code, v.error.message)
    else if (v.kind === 'text' && !reading && !error) error = new Err('#VALUE!', `the range holds the label "${v.value}"`)
    else if (v.kind === 'tensor' && !error) error = new Err('#VALUE!', 'a range cell holds a vector or matrix')
    if (reading === 1 && v.kind !== 'number') return
    if (v.kind === 'number' || (v.kind === 'boolean' && !reading)) {
      items.push(source.read(key))
      places.push(source.place(key))
    } else {
      items.push('0.0')
      places.push(undefined)
    }
  })
  const shape = matrix ? [slot.rows, slot.cols] : [slot.keys.length]
  const value: V = error ?? (reading ? new RangeNumbers(shape, data, isNumber) : new Tensor(shape, data))
  const reshape = matrix && reading !== 1 ? `.reshape(${slot.rows}, ${slot.cols})` : ''
  if (items.length === 0) return { expr: `${target === 'pytorch' ? 'torch' : 'np'}.zeros(0)`, value }
  const parts = slices(items, places)
  if (parts.length === 1 && parts[0].slice) return { expr: `${parts[0].text}${reshape}`, value }
  if (parts.every((p) => !p.slice)) return { expr: `_stack([${items.join(', ')}])${reshape}`, value }
  return { expr: `_flat(${parts.map((p) => p.text).join(', ')})${reshape}`, value }
}

/** Consecutive items that are consecutive elements of one vector, as slices (a whole run's vector by its name). */
function slices(items: string[], places: (VectorPlace | undefined)[]): { text: string; slice: boolean }[] {
  const parts: { text: string; slice: boolean }[] = []
  for (let i = 0; i < items.length; ) {
    const p = places[i]
    let j = i + 1
    if (p) while (j < items.length && places[j]?.vector === p.vector && places[j]!.index === p.index + (j - i)) j++
    if (!p || (j === i + 1 && items.length > 1)) parts.push({ text: items[i], slice: false })
    else if (p.index === 0 && j - i === p.size && p.vector !== 'data') parts.push({ text: p.vector, slice: true })
    else parts.push({ text: `${p.vector}[${p.index}:${p.index + j - i}]`, slice: true })
    i = j
  }
  return parts
}
