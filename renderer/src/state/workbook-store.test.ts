import { createRoot } from 'solid-js'
import { describe, expect, it } from 'vitest'
import type { CellView, ChangeList } from '../../../engine/api'
import { gradTone } from '../model/gradient-colour'
import { createGenerationGate } from './generation'
import { createWorkbookStore } from './workbook-store'

const num = (address: string, value: number, grad = 0): CellView => ({
  sheet: 'Sheet1', address, input: String(value), value: { kind: 'number', value }, grad: { kind: 'number', value: grad },
})
const objective = { ref: null, cell: null, value: null, unavailableReason: 'No objective cell is set.' }
const changes = (cells: CellView[], figures?: ChangeList['figures']): ChangeList => ({
  cells, objective, rejected: [], figures, stats: { forwardEvaluations: 0, reverseVisits: 0 },
})

describe('the generation gate', () => {
  it('never admits a batch older than one already applied', () => {
    const gate = createGenerationGate()
    expect(gate.admit(3)).toBe(true)
    expect(gate.admit(3)).toBe(true) // streamed slices of the same update
    expect(gate.admit(2)).toBe(false)
    expect(gate.admit(5)).toBe(true)
    expect(gate.admit(4)).toBe(false)
    expect(gate.admit(undefined)).toBe(true) // untagged (training progress)
    gate.reset(1) // a snapshot supersedes everything
    expect(gate.admit(1)).toBe(true)
  })
})

describe('the store with windowed views', () => {
  it('never paints a value read before an update it already shows', () => {
    createRoot((dispose) => {
      const store = createWorkbookStore()
      store.replaceAll({ cells: [num('A1', 1)], sheets: ['Sheet1'], objective, generation: 1 })
      expect(store.applyChanges(changes([num('A1', 2)]), 3)).toBe(true)
      // A window read at generation 2 arrives late: dropped, A1 keeps the newer value.
      expect(store.applyCells([num('A1', 1), num('A2', 7)], 2)).toBe(false)
      expect(store.cell('Sheet1', 'A1')?.value).toEqual({ kind: 'number', value: 2 })
      expect(store.cell('Sheet1', 'A2')).toBeUndefined()
      // Views streamed behind the same update are applied.
      expect(store.applyCells([num('A2', 8)], 3)).toBe(true)
      expect(store.cell('Sheet1', 'A2')?.value).toEqual({ kind: 'number', value: 8 })
      dispose()
    })
  })

  it('takes the error count and the colour scale from the engine, not from the cells it holds', () => {
    createRoot((dispose) => {
      const store = createWorkbookStore()
      store.replaceAll({ cells: [num('A1', 1, 0.5)], sheets: ['Sheet1'], objective, generation: 1, figures: { errorCells: 0, maxAbsGrad: 0.5 } })
      expect(store.maxAbsGrad()).toBe(0.5)
      // The window holds a cell with gradient 1, but the largest |gradient| in the workbook
      // (off screen) is 4: the scale is the engine's, so the cell is a quarter intensity.
      store.applyChanges(changes([num('A1', 1, 1)], { errorCells: 3, maxAbsGrad: 4 }), 2)
      expect(store.maxAbsGrad()).toBe(4)
      expect(store.errorCount()).toBe(3)
      expect(gradTone(1, store.maxAbsGrad())).toEqual(gradTone(0.25, 1))
      // A change list without figures (an older sender) leaves them as they were.
      store.applyChanges(changes([num('A1', 1, 9)]), 3)
      expect(store.maxAbsGrad()).toBe(4)
      dispose()
    })
  })

  it('computes the figures from a snapshot that comes without them (all cells are in it)', () => {
    createRoot((dispose) => {
      const store = createWorkbookStore()
      const err: CellView = { sheet: 'Sheet1', address: 'B1', input: '=1/0', value: { kind: 'error', error: { code: '#DIV/0!', message: 'x' } }, grad: { kind: 'none' } }
      store.replaceAll({ cells: [num('A1', 1, -3), err], sheets: ['Sheet1'], objective })
      expect(store.maxAbsGrad()).toBe(3)
      expect(store.errorCount()).toBe(1)
      dispose()
    })
  })
})

describe('the store after a windowed load', () => {
  it('knows every extent and name at once, and is complete only when nothing is owed', () => {
    createRoot((dispose) => {
      const store = createWorkbookStore()
      store.replaceAll({
        cells: [num('A1', 1)],
        sheets: ['Sheet1'],
        objective,
        generation: 1,
        extents: { Sheet1: { rows: 20000, cols: 3 } },
        names: { rate: { sheet: 'Sheet1', address: 'C19000' } },
        streaming: 19999,
      })
      expect(store.usedExtent('Sheet1')).toEqual({ rows: 20000, cols: 3 })
      expect(store.findName('rate')).toEqual({ sheet: 'Sheet1', address: 'C19000' })
      expect(store.names()).toEqual(['rate'])
      expect(store.complete()).toBe(false)
      store.applyCells([num('A2', 2)], 1, 5)
      expect(store.complete()).toBe(false)
      store.applyCells([num('A3', 3)], 1, 0)
      expect(store.complete()).toBe(true)
      // A name moved by an edit follows the cell's new view.
      store.applyChanges(changes([{ ...num('C19000', 1), name: undefined }, { ...num('B2', 5), name: 'rate' }]), 2, 0)
      expect(store.findName('rate')).toEqual({ sheet: 'Sheet1', address: 'B2' })
      dispose()
    })
  })
})
