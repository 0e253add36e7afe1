// The reference page lists every function of the table once, and its search filters.
import { describe, expect, it } from 'vitest'
import { functionNames } from '../../../engine/functions/table'
import { referenceGroups } from './reference-entries'

describe('the formula reference', () => {
  it('lists every callable function once, under its group', () => {
    const listed = referenceGroups(functionNames(), '').flatMap((g) => g.entries.map((e) => e.name))
    expect(listed.sort()).toEqual([...functionNames()].sort())
  })

  it('searches names, signatures and descriptions, every word', () => {
    expect(referenceGroups(functionNames(), 'sumproduct').flatMap((g) => g.entries.map((e) => e.name))).toEqual(['SUMPRODUCT'])
    const logs = referenceGroups(functionNames(), 'logarithm base').flatMap((g) => g.entries.map((e) => e.name))
    expect(logs).toContain('LOG')
    expect(logs).not.toContain('exp')
    expect(referenceGroups(functionNames(), 'no such thing')).toEqual([])
  })
})
