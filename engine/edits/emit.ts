// Turns "what the cells were" and "what they must become" into primitive edits in the
// one order that never trips over names: names that go away are cleared first (a name
// is unique, so moving it from A1 to A2 must free it before A2 takes it), then inputs
// and parameter marks, then the new names, then the objective and column widths.
import type { Edit } from '../api'

/** A cell's own content: what a file stores for it. */
export interface Content {
  input: string
  name?: string
  param?: boolean
}

/** address → content, for one sheet. */
export type SheetContents = Map<string, Content>

export class EditPlan {
  private clearNames: Edit[] = []
  private unbinds: Edit[] = []
  private inputs: Edit[] = []
  private params: Edit[] = []
  private setNames: Edit[] = []
  private rest: Edit[] = []

  /** Adds the edits that turn one cell from `before` into `after` (undefined: empty). */
  cell(sheet: string, address: string, before: Content | undefined, after: Content | undefined): void {
    const oldName = before?.name ?? null
    const newName = after?.name ?? null
    if (oldName !== null && oldName !== newName) this.clearNames.push({ type: 'setName', sheet, address, name: null })
    const oldInput = before?.input ?? ''
    const newInput = after?.input ?? ''
    if (oldInput !== newInput) {
      // A formula being replaced is first emptied, all of them last cell first, then every
      // input is written in order: the engine finds a formula in each precedent's users
      // list from the end, so 50k formulas reading $A$1 rebind in linear time (written
      // one by one in either order it is quadratic after the first command: 30 s for a
      // move in a 100k-cell workbook instead of about 1 s).
      const formula = oldInput.trimStart().startsWith('=')
      if (formula) this.unbinds.push({ type: 'setInput', sheet, address, input: '' })
      if (!formula || newInput !== '') this.inputs.push({ type: 'setInput', sheet, address, input: newInput })
    }
    const oldParam = before?.param ?? null
    const newParam = after?.param ?? null
    if (oldParam !== newParam) this.params.push({ type: 'setParam', sheet, address, param: newParam })
    if (newName !== null && oldName !== newName) this.setNames.push({ type: 'setName', sheet, address, name: newName })
  }

  /** Adds the edits that turn a whole sheet from `before` into `after`. */
  sheet(sheet: string, before: SheetContents, after: SheetContents): void {
    for (const [address, content] of before) this.cell(sheet, address, content, after.get(address))
    for (const [address, content] of after) if (!before.has(address)) this.cell(sheet, address, undefined, content)
  }

  /** An objective, column width or other edit that goes after every cell edit. */
  then(edit: Edit): void {
    this.rest.push(edit)
  }

  get size(): number {
    return this.clearNames.length + this.unbinds.length + this.inputs.length + this.params.length + this.setNames.length + this.rest.length
  }

  edits(): Edit[] {
    return [...this.clearNames, ...this.unbinds.reverse(), ...this.inputs, ...this.params, ...this.setNames, ...this.rest]
  }
}
