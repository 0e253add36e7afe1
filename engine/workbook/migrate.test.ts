import { describe, expect, it } from 'vitest'
import { CURRENT_VERSION } from './document.ts'
import { MIGRATIONS, migrateToCurrent, type Migration } from './migrate.ts'

describe('migrateToCurrent', () => {
  it('has no migrations today: version 1 is the first format', () => {
    expect(CURRENT_VERSION).toBe(1)
    expect(MIGRATIONS).toEqual([])
    const raw = { format: 'gradsheet', version: 1 }
    expect(migrateToCurrent(raw, 1)).toEqual({ ok: true, raw })
  })

  it('refuses a version newer than the target, saying so', () => {
    const r = migrateToCurrent({}, 3)
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/newer Gradsheet \(file version 3; this version reads up to 1\)/) })
  })

  // The pipeline itself, exercised with a table of steps between made-up versions so
  // the next real format change only has to add a row.
  it('runs each step in order from the file version to the target', () => {
    const table: Migration[] = [
      { from: 2, to: 3, migrate: (raw) => ({ ...raw, version: 3, steps: [...(raw.steps as string[]), '2→3'] }) },
      { from: 1, to: 2, migrate: (raw) => ({ ...raw, version: 2, steps: ['1→2'] }) },
    ]
    expect(migrateToCurrent({ version: 1 }, 1, table, 3)).toEqual({ ok: true, raw: { version: 3, steps: ['1→2', '2→3'] } })
    expect(migrateToCurrent({ version: 2, steps: [] }, 2, table, 3)).toEqual({ ok: true, raw: { version: 3, steps: ['2→3'] } })
  })

  it('refuses an old version with no migration path', () => {
    const table: Migration[] = [{ from: 2, to: 3, migrate: (raw) => raw }]
    expect(migrateToCurrent({}, 1, table, 3)).toEqual({ ok: false, error: 'file version 1 is not a version Gradsheet knows (known: 1…3)' })
  })
})
