// The name table's users of a name (an ascending array while ids arrive in order, then a
// Set of later arrivals and one of removals) against a plain Set: after random sequences
// of adds and removals — a load's increasing ids, then edits in any order, re-adds after
// removal — the same users in the same order (the order formulas are rebound in).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NameTable } from './name-table'

const op = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('add' as const), name: fc.constantFrom('w', 'b'), id: fc.integer({ min: 0, max: 40 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), name: fc.constantFrom('w', 'b'), id: fc.integer({ min: 0, max: 40 }) }) },
)

describe('NameTable users', () => {
  it('random adds and removals after an in-order load: the users and their order a Set gives', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 40 }), { maxLength: 30 }), fc.array(op, { maxLength: 60 }), (loaded, ops) => {
        const table = new NameTable()
        const reference = new Map<string, Set<number>>([['w', new Set()], ['b', new Set()]])
        for (const id of [...loaded].sort((x, y) => x - y)) {
          table.addUser('w', id)
          reference.get('w')!.add(id)
        }
        for (const o of ops) {
          if (o.kind === 'add') {
            table.addUser(o.name, o.id)
            reference.get(o.name)!.add(o.id)
          } else {
            table.removeUser(o.name, o.id)
            reference.get(o.name)!.delete(o.id)
          }
          for (const name of ['w', 'b']) expect(table.usersOf(name)).toEqual([...reference.get(name)!])
        }
      }),
      { seed: 4242, numRuns: 500 },
    )
  })
})
