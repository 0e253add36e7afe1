import { describe, expect, it } from 'vitest'
import { createEngine } from '../../../engine/index'
import type { Edit } from '../../../engine/api'
import { inversesBefore } from './worker-inverse'

describe('inverse edits computed in the worker from the engine state', () => {
  it('restores inputs, names, params and the objective of off-screen cells too', () => {
    const engine = createEngine()
    engine.apply([
      { type: 'setInput', sheet: 'Sheet1', address: 'Z9000', input: '3' },
      { type: 'setName', sheet: 'Sheet1', address: 'Z9000', name: 'w' },
      { type: 'setParam', sheet: 'Sheet1', address: 'Z9000', param: true },
      { type: 'setInput', sheet: 'Sheet1', address: 'A1', input: '=w*2' },
      { type: 'setObjective', ref: 'A1' },
    ])
    const action: Edit[] = [
      { type: 'setInput', sheet: 'Sheet1', address: 'Z9000', input: '5' },
      { type: 'setName', sheet: 'Sheet1', address: 'Z9000', name: null },
      { type: 'setParam', sheet: 'Sheet1', address: 'Z9000', param: false },
      { type: 'setInput', sheet: 'Sheet1', address: 'B2', input: '1' },
      { type: 'setObjective', ref: null },
    ]
    expect(inversesBefore(engine, action)).toEqual([
      [{ type: 'setInput', sheet: 'Sheet1', address: 'Z9000', input: '3' }],
      [{ type: 'setName', sheet: 'Sheet1', address: 'Z9000', name: 'w' }],
      [{ type: 'setParam', sheet: 'Sheet1', address: 'Z9000', param: true }],
      [{ type: 'setInput', sheet: 'Sheet1', address: 'B2', input: '' }],
      [{ type: 'setObjective', ref: 'A1' }],
    ])
  })

  it('undoes a sheet deletion with every non-empty cell of that sheet, in place', () => {
    const engine = createEngine()
    engine.apply([
      { type: 'addSheet', name: 'Data' },
      { type: 'setInput', sheet: 'Data', address: 'C7', input: '4' },
      { type: 'setObjective', ref: 'Data!C7' },
    ])
    const [inverse] = inversesBefore(engine, [{ type: 'deleteSheet', name: 'Data' }])
    expect(inverse).toEqual([
      { type: 'addSheet', name: 'Data', index: 1 },
      { type: 'setInput', sheet: 'Data', address: 'C7', input: '4' },
      { type: 'setObjective', ref: 'Data!C7' },
    ])
    engine.apply([{ type: 'deleteSheet', name: 'Data' }])
    engine.apply(inverse)
    expect(engine.cell('Data', 'C7').input).toBe('4')
    expect(engine.objective().ref).toBe('Data!C7')
  })
})
