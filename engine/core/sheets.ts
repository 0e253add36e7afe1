// The workbook's sheets: ids (never reused, so a deleted sheet's id stays dead), the tab
// order, lookup by name (exact, then case-insensitive) and the one rule a sheet name
// must follow. Nothing here knows about formulas or values.
import { SheetCells } from '../graph/sheet-cells'
import { sheetNameProblem as sheetNameRule } from '../workbook/sheet-name'

export interface SheetState {
  name: string
  cells: SheetCells
  /** Unknown fields of the loaded sheet, written back on save. */
  extra: Record<string, unknown>
  alive: boolean
}

export class SheetRegistry {
  readonly states: SheetState[] = []
  /** Sheet ids in tab order (live sheets only). */
  readonly order: number[] = []

  add(name: string, extra: Record<string, unknown>, index?: number): number {
    const sid = this.states.push({ name, cells: new SheetCells(), extra, alive: true }) - 1
    const at = index === undefined ? this.order.length : Math.max(0, Math.min(this.order.length, Math.trunc(index)))
    this.order.splice(at, 0, sid)
    return sid
  }

  /** The live sheet with this name (exact match first, then case-insensitive), or -1. */
  id(name: string): number {
    for (const sid of this.order) if (this.states[sid].name === name) return sid
    const lower = name.toLowerCase()
    for (const sid of this.order) if (this.states[sid].name.toLowerCase() === lower) return sid
    return -1
  }

  name(sid: number): string {
    return this.states[sid].name
  }

  alive(sid: number): boolean {
    return this.states[sid].alive
  }

  cells(sid: number): SheetCells {
    return this.states[sid].cells
  }

  /** The sheet's fields other than name and cells (kept on save; `columns` holds widths). */
  extra(sid: number): Record<string, unknown> {
    return this.states[sid].extra
  }

  /** Why `name` cannot name sheet `self` (-1: a new sheet), or null. */
  nameProblem(name: unknown, self: number): string | null {
    if (typeof name !== 'string') return 'a sheet name must not be empty'
    const rule = sheetNameRule(name) // the one rule files are checked against too
    if (rule) return rule
    const other = this.id(name)
    if (other >= 0 && other !== self) return `there is already a sheet named "${this.states[other].name}"`
    return null
  }

  /** Takes a sheet out of the tabs; its id stays dead (cells keep pointing at a dead sheet). */
  remove(sid: number): void {
    const sheet = this.states[sid]
    sheet.alive = false
    sheet.name = ''
    this.order.splice(this.order.indexOf(sid), 1)
  }
}
