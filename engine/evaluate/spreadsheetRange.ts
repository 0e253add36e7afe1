// Range arguments of the spreadsheet's reductions (FnDef.skipsNonNumbersInRanges):
// which range ops of a program feed such a function, and the range read the
// spreadsheet way (empty, label and boolean cells skipped instead of read as 0).
import type { Program } from '../formula/program'
import { RangeNumbers } from '../functions/rangeNumbers'
import { Kind, type CellStore } from '../graph/store'
import { Err, type V } from '../values'

/** Per op: 0 = ordinary reading, 1 = spreadsheet reading, 2 = spreadsheet reading that also skips error cells (COUNT). */
const readingCache = new WeakMap<Program, Uint8Array>()

export function spreadsheetReadingOf(p: Program): Uint8Array {
  let r = readingCache.get(p)
  if (r) return r
  r = new Uint8Array(p.ops.length)
  for (const op of p.ops) {
    if (op.k !== 'call' || !op.fn.skipsNonNumbersInRanges) continue
    for (const a of op.args) if (p.ops[a].k === 'range') r[a] = op.fn.seesErrors ? 2 : 1
  }
  readingCache.set(p, r)
  return r
}

/** The range as a RangeNumbers; an error cell is the result unless `skipErrors`. */
export function spreadsheetRangeValue(store: CellStore, ids: Int32Array, rows: number, cols: number, skipErrors: boolean): V {
  const data = new Float64Array(ids.length)
  const isNumber = new Uint8Array(ids.length)
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]
    const k = store.kind[id]
    if (k === Kind.Number) {
      data[i] = store.num[id]
      isNumber[i] = 1
    } else if (k === Kind.Error) {
      if (skipErrors) continue
      const e = store.obj[id] as Err
      return e.origin !== undefined ? e : new Err(e.code, e.message, id, e.path)
    } else if (k === Kind.Tensor)
      return new Err('#VALUE!', 'a range must hold numbers, but one of its cells holds a vector or matrix', id)
    // Empty, Text and Boolean cells are skipped (Excel/Sheets meaning).
  }
  return new RangeNumbers(rows === 1 || cols === 1 ? [ids.length] : [rows, cols], data, isNumber)
}
