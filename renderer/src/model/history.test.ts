import { describe, expect, it } from 'vitest'
import type { CellView, Edit } from '../../../engine/api'
import { emptyHistory, historyTooltip, inputEditLabel, record, redo, savePoint, undo } from './history'
import { inverseOfAll, type WorkbookBefore } from './inverse-edits'

const num = (sheet: string, address: string, input: string, extra: Partial<CellView> = {}): CellView => ({
  sheet, address, input, value: { kind: 'number', value: Number(input) }, grad: { kind: 'none' }, ...extra,
})

function workbook(cells: CellView[], sheets = ['Sheet1'], objective: string | null = null): WorkbookBefore {
  return {
    cell: (s, a) => cells.find((c) => c.sheet === s && c.address === a),
    cellsOfSheet: (s) => cells.filter((c) => c.sheet === s),
    sheets: () => sheets,
    objectiveRef: () => objective,
    columnWidth: () => null, // issue 9: no widths in these workbooks
  }
}

describe('inverse edits', () => {
  const before = workbook([num('Sheet1', 'A1', '3', { name: 'x', param: true }), num('Sheet2', 'B2', '5', { name: 'y' })], ['Sheet1', 'Sheet2'], 'Sheet1!A1')

  it('restores inputs, names, params and the objective as they were', () => {
    const edits: Edit[] = [
      { type: 'setInput', sheet: 'Sheet1', address: 'A1', input: '4' },
      { type: 'setInput', sheet: 'Sheet1', address: 'C9', input: '=x' },
      { type: 'setName', sheet: 'Sheet1', address: 'A1', name: 'w' },
      { type: 'setParam', sheet: 'Sheet1', address: 'A1', param: false },
      { type: 'setObjective', ref: 'Sheet1!C9' },
    ]
    expect(inverseOfAll(edits, before)).toEqual([
      { type: 'setObjective', ref: 'Sheet1!A1' },
      { type: 'setParam', sheet: 'Sheet1', address: 'A1', param: true },
      { type: 'setName', sheet: 'Sheet1', address: 'A1', name: 'x' },
      { type: 'setInput', sheet: 'Sheet1', address: 'C9', input: '' },
      { type: 'setInput', sheet: 'Sheet1', address: 'A1', input: '3' },
    ])
  })

  it('undoes sheet changes: add → delete, rename → rename back, delete → add with its cells', () => {
    expect(inverseOfAll([{ type: 'addSheet', name: 'Sheet3' }], before)).toEqual([{ type: 'deleteSheet', name: 'Sheet3' }])
    expect(inverseOfAll([{ type: 'renameSheet', from: 'Sheet2', to: 'Data' }], before)).toEqual([{ type: 'renameSheet', from: 'Data', to: 'Sheet2' }])
    expect(inverseOfAll([{ type: 'deleteSheet', name: 'Sheet2' }], before)).toEqual([
      { type: 'addSheet', name: 'Sheet2', index: 1 },
      { type: 'setInput', sheet: 'Sheet2', address: 'B2', input: '5' },
      { type: 'setName', sheet: 'Sheet2', address: 'B2', name: 'y' },
      { type: 'setObjective', ref: 'Sheet1!A1' },
    ])
  })
})

describe('one history', () => {
  const entry = (n: number) => ({ label: `e${n}`, forward: [{ type: 'setObjective', ref: `R${n}` } as Edit], inverse: [{ type: 'setObjective', ref: null } as Edit] })

  it('undoes and redoes in order, and a new action clears the redo stack', () => {
    let h = record(record(emptyHistory(), entry(1)), entry(2))
    const u = undo(h)!
    expect(u.entry.label).toBe('e2')
    h = u.history
    expect(redo(h)!.entry.label).toBe('e2')
    h = record(h, entry(3))
    expect(redo(h)).toBeNull()
    expect(h.undoStack.map((e) => e.label)).toEqual(['e1', 'e3'])
    expect(undo(emptyHistory())).toBeNull()
  })

  it('ignores empty actions', () => {
    const h = emptyHistory()
    expect(record(h, { label: 'nothing', forward: [], inverse: [] })).toBe(h)
  })

  it('records a training-settings change, which has no engine edits', () => {
    const before = { method: 'adam' as const, learningRate: 0.05, steps: 200, seed: 1 }
    const h = record(emptyHistory(), { label: 'Set training steps to 23', forward: [], inverse: [], training: { before, after: { ...before, steps: 23 } } })
    expect(h.undoStack).toHaveLength(1)
    expect(undo(h)!.entry.training!.before.steps).toBe(200)
  })

  it('tells whether the state is the saved one, also after undo back to it', () => {
    let h = record(emptyHistory(), entry(1))
    const saved = savePoint(h)
    h = record(h, entry(2))
    expect(savePoint(h)).not.toBe(saved)
    h = undo(h)!.history
    expect(savePoint(h)).toBe(saved)
  })
})

describe('labels that name the action', () => {
  it('typing into a cell says what was set, shortened when long', () => {
    expect(inputEditLabel('B2', '7')).toBe('Set B2 to 7')
    expect(inputEditLabel('B2', '')).toBe('Clear B2')
    expect(inputEditLabel('C1', `=${'A1+'.repeat(20)}1`)).toMatch(/^Set C1 to =A1\+A1.{20,}…$/)
  })

  it('the Undo and Redo tooltips name the top entry', () => {
    const edit = { type: 'setInput' as const, sheet: 'Sheet1', address: 'B2', input: '7' }
    const h = record(emptyHistory(), { label: inputEditLabel('B2', '7'), forward: [edit], inverse: [edit] })
    expect(historyTooltip(h, 'undo', 'Ctrl+Z')).toBe('Undo: set B2 to 7 (Ctrl+Z)')
    expect(historyTooltip(h, 'redo', 'Ctrl+Y')).toBe('Nothing to redo (Ctrl+Y)')
    expect(historyTooltip(undo(h)!.history, 'redo', 'Ctrl+Y')).toBe('Redo: set B2 to 7 (Ctrl+Y)')
  })
})
