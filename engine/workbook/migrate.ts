// Older `.gradsheet` versions are brought up to CURRENT_VERSION here, one step at a
// time, before validation. Version 1 is the first version, so the table is empty
// today; the next format change adds `{ from: 1, to: 2, migrate }` and nothing else.
import { CURRENT_VERSION } from './document.ts'

export interface Migration {
  from: number
  to: number
  /** Takes the raw parsed JSON of version `from`, returns raw JSON of version `to`. */
  migrate(raw: Record<string, unknown>): Record<string, unknown>
}

export const MIGRATIONS: readonly Migration[] = []

export type MigrationResult = { ok: true; raw: Record<string, unknown> } | { ok: false; error: string }

/**
 * Runs the chain of migrations from `version` up to `target`. A version with no path
 * to the target (newer than known, or an unknown old one) is refused in words.
 */
export function migrateToCurrent(
  raw: Record<string, unknown>,
  version: number,
  table: readonly Migration[] = MIGRATIONS,
  target: number = CURRENT_VERSION,
): MigrationResult {
  if (version > target) {
    return {
      ok: false,
      error: `this file was written by a newer Gradsheet (file version ${version}; this version reads up to ${target}). Update Gradsheet to open it.`,
    }
  }
  let current = raw
  let at = version
  while (at < target) {
    const step = table.find((m) => m.from === at)
    if (!step) return { ok: false, error: `file version ${version} is not a version Gradsheet knows (known: 1…${target})` }
    current = step.migrate(current)
    at = step.to
  }
  return { ok: true, raw: current }
}
