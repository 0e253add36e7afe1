// The engine's modules import each other without cycles (type-only imports included):
// the split of engine.ts (issue 12) broke engine.ts → explain/source.ts → index.ts →
// engine.ts and evaluate/fast.ts ↔ graph/store.ts, and this keeps them broken.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ENGINE = resolve(dirname(fileURLToPath(import.meta.url)), '..')

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [join(dir, d.name)] : [],
  )
}

/** Relative imports and re-exports of a file, resolved to engine files. */
function importsOf(file: string, known: Set<string>): string[] {
  const text = readFileSync(file, 'utf8')
  const out: string[] = []
  for (const m of text.matchAll(/^(?:import|export)\b[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)) {
    const base = resolve(dirname(file), m[1])
    const hit = [base, base + '.ts', join(base, 'index.ts')].find((p) => known.has(p))
    if (hit) out.push(hit)
  }
  return out
}

describe('engine imports', () => {
  it('form no cycle', () => {
    const files = sources(ENGINE)
    const known = new Set(files)
    const edges = new Map(files.map((f) => [f, importsOf(f, known)]))
    const state = new Map<string, 1 | 2>()
    const cycles: string[] = []
    const visit = (f: string, path: string[]): void => {
      state.set(f, 1)
      for (const g of edges.get(f) ?? []) {
        if (state.get(g) === 1) cycles.push([...path.slice(path.indexOf(g)), g].map((p) => relative(ENGINE, p)).join(' → '))
        else if (!state.has(g)) visit(g, [...path, g])
      }
      state.set(f, 2)
    }
    for (const f of files) if (!state.has(f)) visit(f, [f])
    expect(cycles).toEqual([])
  })
})
