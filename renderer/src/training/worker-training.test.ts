// The worker's training runner: progress in slices, the final answer with undo/redo
// edits, Stop between slices, one run at a time, and the requests around a run.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createEngine } from '../../../engine/index'
import { docOf } from '../../../engine/test/helpers'
import type { WorkerResponse } from '../worker/protocol'
import { handleTraining } from './worker-training'

const bowl = () =>
  createEngine({
    ...docOf({ A1: { input: '3', name: 'x', param: true }, A2: { input: '=[1, -2]', name: 'v', param: true }, B1: { input: '=(x - 1)^2 + sum(v .* v)', name: 'J' } }),
    training: { method: 'gd', learningRate: 0.1, steps: 50, seed: 3 },
  } as never)

describe('handleTraining', () => {
  let clock = 0
  beforeEach(() => {
    vi.useFakeTimers()
    clock = 0
    // Each step "takes" 1 ms, so a 50 ms slice holds about 50 steps.
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 1))
  })
  afterEach(() => {
    vi.restoreAllMocks()
    vi.useRealTimers()
  })

  it('leaves other requests to the worker', () => {
    expect(handleTraining({ id: 1, type: 'serialize' }, bowl, () => undefined)).toBe(false)
  })

  it('runs in slices with progress, then answers once with the run as undo/redo edits', () => {
    const engine = bowl()
    const out: WorkerResponse[] = []
    expect(handleTraining({ id: 7, type: 'train', options: { method: 'gd', learningRate: 0.1, steps: 200 } }, () => engine, (r) => out.push(r))).toBe(true)
    vi.runAllTimers()
    const progress = out.filter((r) => r.type === 'trainProgress')
    const final = out.at(-1)!
    expect(progress.length).toBeGreaterThan(1)
    expect(final.type).toBe('trained')
    if (final.type !== 'trained') return
    const points = [...progress.flatMap((p) => (p.type === 'trainProgress' ? p.points : [])), ...final.points]
    expect(points.map((p) => p[0])).toEqual(Array.from({ length: 201 }, (_, i) => i))
    expect(final).toMatchObject({ steps: 200, stopped: false, error: null })
    expect(final.undo).toEqual([
      { type: 'setInput', sheet: 'Sheet1', address: 'A1', input: '3' },
      { type: 'setInput', sheet: 'Sheet1', address: 'A2', input: '=[1, -2]' },
    ])
    expect(final.redo.map((e) => e.type === 'setInput' && e.input)).toEqual([engine.cell('Sheet1', 'A1').input, engine.cell('Sheet1', 'A2').input])
    expect(engine.objective().value!).toBeLessThan(1e-6)
    // Each cell appears once per message, however many steps changed it.
    for (const p of progress) if (p.type === 'trainProgress') expect(new Set(p.cells.map((c) => c.address)).size).toBe(p.cells.length)
  })

  it('Stop ends the run after the current slice; a second run is refused while one goes on', () => {
    const engine = bowl()
    const out: WorkerResponse[] = []
    const reply = (r: WorkerResponse) => out.push(r)
    handleTraining({ id: 1, type: 'train', options: { method: 'adam', learningRate: 0.01, steps: 100000 } }, () => engine, reply)
    handleTraining({ id: 2, type: 'train', options: { method: 'gd', learningRate: 0.1, steps: 5 } }, () => engine, reply)
    expect(out.find((r) => r.id === 2)).toEqual({ id: 2, type: 'failed', error: 'a training run is already going on' })
    handleTraining({ id: 3, type: 'trainStop' }, () => engine, reply)
    expect(out.find((r) => r.id === 3)).toEqual({ id: 3, type: 'trainStopping', running: true })
    vi.runAllTimers()
    const final = out.find((r) => r.id === 1 && r.type === 'trained')
    expect(final).toMatchObject({ stopped: true, error: null })
    expect(final?.type === 'trained' && final.steps).toBeLessThan(100)
  })

  it('answers randomize, gradient check and stored settings', () => {
    const engine = bowl()
    const out: WorkerResponse[] = []
    handleTraining({ id: 1, type: 'randomize', seed: 3 }, () => engine, (r) => out.push(r))
    handleTraining({ id: 2, type: 'gradCheck' }, () => engine, (r) => out.push(r))
    handleTraining({ id: 3, type: 'trainingSettings' }, () => engine, (r) => out.push(r))
    expect(out[0].type === 'randomized' && out[0].edits).toHaveLength(2)
    expect(out[1].type === 'gradChecked' && out[1].rows.map((r) => [r.label, r.reverse])).toEqual([['x', 4], ['v[1]', 2], ['v[2]', -4]])
    expect(out[2]).toEqual({ id: 3, type: 'trainingSettings', settings: { method: 'gd', learningRate: 0.1, steps: 50, seed: 3 } })
  })

  it('a run that cannot start says why', () => {
    const engine = createEngine(docOf({ A1: '1' }))
    const out: WorkerResponse[] = []
    handleTraining({ id: 1, type: 'train', options: { method: 'gd', learningRate: 0.1, steps: 5 } }, () => engine, (r) => out.push(r))
    expect(out).toEqual([{ id: 1, type: 'failed', error: 'no parameters: mark the cells to train with Parameter' }])
  })
})

describe('progress stays small however fast the steps (issue 13)', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    // Steps that take no time: one slice would hold every step of the run.
    let clock = 0
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 0.001))
  })
  afterEach(() => {
    vi.restoreAllMocks()
    vi.useRealTimers()
  })
  it('thins the points of a message to at most 200, keeps the last step, and carries θ per point', () => {
    const engine = bowl()
    const out: WorkerResponse[] = []
    handleTraining({ id: 9, type: 'train', options: { method: 'gd', learningRate: 0.01, steps: 5000 } }, () => engine, (r) => out.push(r))
    vi.runAllTimers()
    const final = out.at(-1)!
    if (final.type !== 'trained') throw new Error(final.type)
    for (const r of out) if (r.type === 'trainProgress' || r.type === 'trained') expect(r.points.length).toBeLessThanOrEqual(201)
    expect(final.points.at(-1)![0]).toBe(5000)
    expect(final.paramLabels).toEqual(['x', 'v[1]', 'v[2]'])
    // [step, J, x, v1, v2]: the last point holds the parameters the workbook ends with.
    const last = final.points.at(-1)!
    expect(last).toHaveLength(5)
    expect(last[2]).toBe(Number(engine.cell('Sheet1', 'A1').input))
  })
})
