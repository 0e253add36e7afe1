import { describe, expect, it } from 'vitest'
import { createEngine } from '../../../engine/index'
import { applyAction } from './worker-inverse'
import { RefreshQueue, cutByWindow, viewsOfWindow, withMargin } from './window-views'

/** A column of n cells on Sheet1: A1 = 1, Ai = A(i-1) + 1, J = the last. */
function column(n: number) {
  const cells: Record<string, { input: string }> = { A1: { input: '1' } }
  for (let i = 2; i <= n; i++) cells[`A${i}`] = { input: `=A${i - 1}+1` }
  return createEngine({ format: 'gradsheet', version: 1, objective: `A${n}`, sheets: [{ name: 'Sheet1', cells }] } as never)
}

describe('windowed views of an edit', () => {
  it('builds views only for the changed cells in the window, and owes the rest', () => {
    const engine = column(200)
    const { changes } = applyAction(engine, [{ type: 'setInput', sheet: 'Sheet1', address: 'A1', input: '5' }], { views: 'none' })
    expect(changes.cells).toEqual([])
    expect(changes.unlisted).toBe(200)
    const { views, rest } = cutByWindow(engine, changes.changed!, { sheet: 'Sheet1', rows: [10, 19], cols: [0, 3] })
    expect(views.map((v) => v.address)).toEqual(Array.from({ length: 10 }, (_, i) => `A${i + 11}`))
    expect(views[0].value).toEqual({ kind: 'number', value: 15 })
    expect(rest.reduce((n, p) => n + p.rows.length, 0)).toBe(190)
    // The engine's figures come with the change list: no error, ∂J/∂cell = 1 everywhere.
    expect(changes.figures).toEqual({ errorCells: 0, maxAbsGrad: 1 })
  })

  it('builds every view when asked to (a short change list comes whole)', () => {
    const engine = column(5)
    const { changes } = applyAction(engine, [{ type: 'setInput', sheet: 'Sheet1', address: 'A1', input: '2' }], { views: 'none' })
    const { views, rest } = cutByWindow(engine, changes.changed!, undefined, true)
    expect(views.map((v) => [v.address, v.value])).toEqual([1, 2, 3, 4, 5].map((i) => [`A${i}`, { kind: 'number', value: i + 1 }]))
    expect(rest).toEqual([])
  })

  it('merges the positions and the last figures of an action of several applies', () => {
    const engine = column(5)
    const { changes } = applyAction(
      engine,
      [{ type: 'setInput', sheet: 'Sheet1', address: 'A1', input: '2' }, { type: 'clearCells', sheet: 'Sheet1', range: 'A3' }, { type: 'setInput', sheet: 'Sheet1', address: 'A2', input: '=1/0' }],
      { views: 'none' },
    )
    const all = cutByWindow(engine, changes.changed!, undefined, true).views
    expect(new Set(all.map((v) => v.address))).toEqual(new Set(['A1', 'A2', 'A3', 'A4', 'A5']))
    expect(changes.figures?.errorCells).toBe(1) // A2 is #DIV/0!; A3 was cleared so A4, A5 are numbers again
  })

  it('widens the window by a margin that never goes below the first row or column', () => {
    expect(withMargin({ sheet: 'S', rows: [5, 30], cols: [2, 8] }, { rows: 10, cols: 4 })).toEqual({ sheet: 'S', rows: [0, 40], cols: [0, 12] })
  })

  it('reads every cell of a window, empty ones included', () => {
    const views = viewsOfWindow(column(3), { sheet: 'Sheet1', rows: [1, 3], cols: [0, 1] })
    expect(views.map((v) => `${v.address}:${v.value.kind}`)).toEqual(['A2:number', 'B2:empty', 'A3:number', 'B3:empty', 'A4:empty', 'B4:empty'])
  })
})

describe('the queue of owed views', () => {
  it('hands out each owed cell once, in slices, read from the engine as it is when taken', () => {
    const engine = column(30)
    const { changes } = applyAction(engine, [{ type: 'setInput', sheet: 'Sheet1', address: 'A1', input: '10' }], { views: 'none' })
    const q = new RefreshQueue()
    q.push(cutByWindow(engine, changes.changed!, { sheet: 'Sheet1', rows: [0, 9], cols: [0, 0] }).rest)
    expect(q.size).toBe(20)
    const first = q.take(engine, 8)
    expect(first.map((v) => v.address)).toEqual(['A11', 'A12', 'A13', 'A14', 'A15', 'A16', 'A17', 'A18'])
    // A later edit lands before the rest is sent: the rest shows the later state, never the older one.
    applyAction(engine, [{ type: 'setInput', sheet: 'Sheet1', address: 'A1', input: '100' }], { views: 'none' })
    const restViews = [...q.take(engine, 8), ...q.take(engine, 8)]
    expect(restViews.map((v) => v.address)).toEqual(Array.from({ length: 12 }, (_, i) => `A${i + 19}`))
    expect(restViews[0].value).toEqual({ kind: 'number', value: 118 })
    expect(q.size).toBe(0)
    expect(q.take(engine, 8)).toEqual([])
  })

  it('owes a cell once however many edits changed it', () => {
    const engine = column(30)
    const q = new RefreshQueue()
    for (const input of ['1', '2', '3']) {
      const { changes } = applyAction(engine, [{ type: 'setInput', sheet: 'Sheet1', address: 'A1', input }], { views: 'none' })
      q.push(cutByWindow(engine, changes.changed!, { sheet: 'Sheet1', rows: [0, 9], cols: [0, 0] }).rest)
    }
    expect(q.size).toBe(20)
    const views = q.take(engine, 100)
    expect(views).toHaveLength(20)
    expect(views.at(-1)?.value).toEqual({ kind: 'number', value: 32 })
  })

  it('forgets what is owed when cleared (a new snapshot holds every cell)', () => {
    const engine = column(3)
    const q = new RefreshQueue()
    q.push([{ sheet: 'Sheet1', rows: Int32Array.from([2, 3]), cols: Int32Array.from([2, 2]) }])
    q.clear()
    expect(q.size).toBe(0)
    expect(q.take(engine, 5)).toEqual([])
  })
})
