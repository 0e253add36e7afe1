import { describe, expect, it } from 'vitest'
import type { CellView } from '../../../engine/api'
import { createNameIndex } from './name-index'

const view = (address: string, name?: string): CellView => ({ sheet: 'Sheet1', address, input: '1', name, value: { kind: 'number', value: 1 }, grad: { kind: 'none' } })

describe('the name index', () => {
  it('finds names the load listed before any view of their cell arrived', () => {
    const index = createNameIndex()
    index.reset([['rate', { sheet: 'Data', address: 'C900' }]])
    expect(index.find('rate')).toEqual({ sheet: 'Data', address: 'C900' })
    expect(index.names()).toEqual(['rate'])
  })

  it('follows a name set, moved to another cell and removed', () => {
    const index = createNameIndex()
    index.update(undefined, view('A1', 'w'))
    expect(index.find('w')).toEqual({ sheet: 'Sheet1', address: 'A1' })
    // Moved: the new cell's view and the old cell's view arrive in either order.
    index.update(undefined, view('B2', 'w'))
    index.update(view('A1', 'w'), view('A1'))
    expect(index.find('w')).toEqual({ sheet: 'Sheet1', address: 'B2' })
    index.update(view('B2', 'w'), undefined)
    expect(index.find('w')).toBeUndefined()
  })
})
