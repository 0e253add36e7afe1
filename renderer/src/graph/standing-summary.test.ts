import { describe, expect, it } from 'vitest'
import { standingSummary } from './standing-summary'

const shown = { scopeNodes: 10_001 }

describe('the graph summary kept when only the selection moves', () => {
  it('stands for a move within the same change list and scope', () => {
    expect(standingSummary(true, 'all', 4, { revision: 4, kind: 'all' }, shown)).toBe(shown)
  })
  it('is asked again after an edit, a scope change, or when nothing was a move', () => {
    expect(standingSummary(false, 'all', 4, { revision: 4, kind: 'all' }, shown)).toBeNull()
    expect(standingSummary(true, 'all', 5, { revision: 4, kind: 'all' }, shown)).toBeNull() // the edit's refresh was superseded by the move
    expect(standingSummary(true, 'objective', 4, { revision: 4, kind: 'all' }, shown)).toBeNull()
    expect(standingSummary(true, 'neighbourhood', 4, { revision: 4, kind: 'neighbourhood' }, shown)).toBeNull()
    expect(standingSummary(true, 'all', 4, null, null)).toBeNull()
  })
})
