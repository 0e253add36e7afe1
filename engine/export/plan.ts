// What an export needs from a live engine: J's cone (every cell J reads, directly or
// through ranges and names), in topological order, each cell classified as a parameter,
// a data input, a tensor literal, a formula or a constant (blank, label, error). Order
// and dependencies come from the same compiled programs the engine runs
// (engine/formula/compile.ts), so the export reads formulas exactly as the engine does.
import { formatAddress, quoteSheet } from '../address'
import type { CellView } from '../api'
import { compileFormula, type Compiled } from '../formula/compile'
import type { Engine } from '../index'

/** The part of an engine the plan reads: the app's UI store can supply it too (renderer/src/sensitivity). */
export type EngineReader = Pick<Engine, 'objective' | 'cell' | 'resolveRef' | 'sheets'>
import { classifyInput } from '../input'
import { postOrder } from './post-order'

export type CellRole =
  /** A number or tensor-literal cell marked `param`: a torch.nn.Parameter. */
  | 'param'
  /** A plain number cell: an element of the module's data vector. */
  | 'data'
  /** A vector/matrix literal (=[1, 2]) not marked param: its own leaf tensor. */
  | 'literal'
  | 'formula'
  /** Blank, label, boolean-free constant text, or an error: a Python constant. */
  | 'constant'

export interface PlannedCell {
  key: string
  sheet: string
  address: string
  view: CellView
  role: CellRole
  compiled: Compiled | null
  /** Cells each reference slot binds to: one key for a cell, the block's keys (row-major) for a range; null when out of the grid. */
  slots: ({ keys: string[]; rows: number; cols: number } | null)[]
  /** Keys of the cells each name of the program resolves to (null: unknown name). */
  names: (string | null)[]
}

export interface ExportPlan {
  objectiveKey: string
  /** J's cone, every cell after the cells it reads. */
  order: PlannedCell[]
  cells: Map<string, PlannedCell>
}

const TENSOR_LITERAL = /^=\s*\[[-+0-9eE.,\s[\]]*\]\s*$/

export const keyOf = (sheet: string, address: string): string => `${sheet}!${address}`

/** The plan, or why the workbook cannot be exported. */
export function planExport(engine: EngineReader): ExportPlan | { error: string } {
  const objective = engine.objective()
  if (objective.unavailableReason !== null) return { error: `the workbook has no usable objective: ${objective.unavailableReason}` }
  const target = objective.cell === null ? null : engine.resolveRef(objective.cell)
  if (target === null) return { error: 'the workbook has no objective cell' }

  const sheetOf = (written: string | null, own: string): string | null => {
    if (written === null) return own
    return engine.resolveRef(`${quoteSheet(written)}!A1`)?.sheet ?? null
  }

  const cells = new Map<string, PlannedCell>()
  const build = (sheet: string, address: string): PlannedCell => {
    const view = engine.cell(sheet, address)
    const meaning = classifyInput(view.input)
    const key = keyOf(sheet, address)
    let role: CellRole = 'constant'
    let compiled: Compiled | null = null
    const slots: PlannedCell['slots'] = []
    const names: (string | null)[] = []
    if (view.value.kind === 'error') role = 'constant'
    else if (TENSOR_LITERAL.test(view.input) && view.value.kind === 'tensor') role = view.param ? 'param' : 'literal'
    else if (meaning.kind === 'formula') {
      role = 'formula'
      compiled = compileFormula(meaning.body)
      for (const ref of compiled.refs) {
        const s = sheetOf(ref.sheet, sheet)
        if (s === null || ref.outOfBounds) {
          slots.push(null)
          continue
        }
        const keys: string[] = []
        for (let r = ref.row0; r <= ref.row1; r++) for (let c = ref.col0; c <= ref.col1; c++) keys.push(keyOf(s, formatAddress(r, c)))
        slots.push({ keys, rows: ref.row1 - ref.row0 + 1, cols: ref.col1 - ref.col0 + 1 })
      }
      for (const name of compiled.program.names) {
        const at = engine.resolveRef(name)
        names.push(at === null ? null : keyOf(at.sheet, at.address))
      }
    } else if (view.value.kind === 'number') role = view.param ? 'param' : 'data'
    else if (view.param && view.value.kind === 'empty') role = 'param'
    return { key, sheet, address, view, role, compiled, slots, names }
  }
  const at = (key: string): PlannedCell => {
    let c = cells.get(key)
    if (!c) {
      const bang = key.lastIndexOf('!')
      c = build(key.slice(0, bang), key.slice(bang + 1))
      cells.set(key, c)
    }
    return c
  }

  const objectiveKey = keyOf(target.sheet, target.address)
  const walked = postOrder(objectiveKey, (key) => dependenciesOf(at(key)))
  if ('cycle' in walked) return { error: `${walked.cycle[0]} is on a reference cycle` }
  const order = walked.order.map(at)
  return { objectiveKey, order, cells }
}

/** The cells a planned cell reads: every cell of its references and ranges, and the cells its names resolve to. */
export const dependenciesOf = (c: PlannedCell): string[] => [
  ...c.slots.flatMap((s) => s?.keys ?? []),
  ...c.names.filter((k): k is string => k !== null),
]
