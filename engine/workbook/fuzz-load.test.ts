// Fuzzing the whole load path a file takes (text → restore → engine → cells, save):
// random bytes, random JSON, mutated real workbooks, prototype keys, huge numbers, deep
// nesting, long strings and many cells. Properties: nothing throws; the result is a
// workbook or a message in words; a loaded workbook computes and saves again; the heap
// settles across many loads.
import fc from 'fast-check'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { createEngine } from '../index'
import { restoreDocument, serializeDocument } from './index'

// A fixed seed keeps CI reproducible; GRADSHEET_FUZZ_SEED=random (or a number) explores other cases.
const fuzzSeed = process.env.GRADSHEET_FUZZ_SEED
if (fuzzSeed !== 'random') fc.configureGlobal({ seed: fuzzSeed ? Number(fuzzSeed) : 20261124 })

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
const settledHeap = (): number => (gc(), gc(), process.memoryUsage().heapUsed)

const examplesDir = join(import.meta.dirname, '..', '..', 'examples')
const EXAMPLES = readdirSync(examplesDir).filter((f) => f.endsWith('.gradsheet')).map((f) => readFileSync(join(examplesDir, f), 'utf8'))

/** Loads text as the app does; returns what a user would see. Any throw fails the test. */
function load(text: string): { ok: true; cells: number } | { ok: false; error: string } {
  const restored = restoreDocument(text)
  if (!restored.ok) {
    expect(typeof restored.error).toBe('string')
    expect(restored.error.length).toBeGreaterThan(10)
    expect(restored.error.length).toBeLessThan(5000) // a message, not a dump of the file
    return restored
  }
  const engine = createEngine(restored.doc)
  const cells = engine.cells()
  engine.objective()
  // What loads saves again, and that save loads to the same cells.
  const saved = serializeDocument(engine.toDocument())
  const again = restoreDocument(saved)
  expect(again.ok).toBe(true)
  if (again.ok) expect(createEngine(again.doc).cells().length).toBe(cells.length)
  return { ok: true, cells: cells.length }
}

/** Replaces the value at a random path of a parsed JSON tree. */
function mutate(tree: unknown, choice: number, replacement: unknown): unknown {
  const paths: (string | number)[][] = []
  const walk = (v: unknown, path: (string | number)[]) => {
    paths.push(path)
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]))
    else if (v && typeof v === 'object') for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k], [...path, k])
  }
  walk(tree, [])
  const path = paths[choice % paths.length]
  if (path.length === 0) return replacement
  let parent = tree as Record<string | number, unknown>
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>
  Object.defineProperty(parent, path[path.length - 1], { value: replacement, enumerable: true, writable: true, configurable: true })
  return tree
}

const nasty = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, 0, -1, 1.5, '', '=', '=1/0', '=A1', '=constructor.constructor("x")()',
    '__proto__', 'constructor', 'XFD1048576', 'XFE1', 'A0', null, true, [], {}, { input: 1 }, { input: '=1', name: 'J' }),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'input', 'name', 'cells', 'A1', 'toString'), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
)

export const LOAD_RUNS = { bytes: 1500, json: 1500, mutated: 2000, keys: 500 }

describe('workbook loader fuzzing', { timeout: 180_000 }, () => {
  it(`${LOAD_RUNS.bytes} random byte strings (decoded as the file store does)`, () => {
    const decoder = new TextDecoder('utf-8', { fatal: false })
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => void load(decoder.decode(bytes))), { numRuns: LOAD_RUNS.bytes })
  })

  it(`${LOAD_RUNS.json} random JSON documents, and JSON with the gradsheet header`, () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.boolean(), (value, header) => {
        const doc = header && value && typeof value === 'object' && !Array.isArray(value) ? { format: 'gradsheet', version: 1, ...value } : value
        load(JSON.stringify(doc))
      }),
      { numRuns: LOAD_RUNS.json },
    )
  })

  it(`${LOAD_RUNS.mutated} mutations of the real example workbooks (a value replaced, the text cut or spliced)`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...EXAMPLES), fc.nat(), nasty, fc.nat(), fc.string({ maxLength: 3 }), fc.integer({ min: 0, max: 2 }), (text, at, value, cut, junk, how) => {
        if (how === 0) load(JSON.stringify(mutate(JSON.parse(text), at, value)))
        else if (how === 1) load(text.slice(0, cut % (text.length + 1)))
        else load(text.slice(0, cut % text.length) + junk + text.slice(cut % text.length))
      }),
      { numRuns: LOAD_RUNS.mutated },
    )
  })

  it(`${LOAD_RUNS.keys} workbooks full of prototype keys never pollute a prototype`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...EXAMPLES), fc.array(fc.tuple(fc.nat(), fc.constantFrom('__proto__', 'constructor', 'prototype'), nasty), { maxLength: 4 }), (text, inserts) => {
        let raw = text
        for (const [at, key, value] of inserts) {
          // Insert `"key": value,` after a random "{" of the text: the key at any level.
          const opens = [...raw.matchAll(/\{/g)].map((m) => m.index!)
          const pos = opens[at % opens.length] + 1
          raw = raw.slice(0, pos) + `${JSON.stringify(key)}: ${JSON.stringify(value)}, ` + raw.slice(pos)
        }
        load(raw.replace(/, (\s*)\}/g, '$1}'))
        expect(({} as Record<string, unknown>).input).toBeUndefined()
        expect(({} as Record<string, unknown>).cells).toBeUndefined()
        expect(Object.getPrototypeOf({})).toBe(Object.prototype)
      }),
      { numRuns: LOAD_RUNS.keys },
    )
  })

  it('extreme shapes: deep nesting, huge numbers, long strings, many cells, many sheets', () => {
    const head = (sheets: string) => `{"format":"gradsheet","version":1,"objective":null,"sheets":${sheets}}`
    const cells = (n: number, input: (i: number) => string) =>
      '{' + Array.from({ length: n }, (_, i) => `"A${i + 1}":{"input":${JSON.stringify(input(i))}}`).join(',') + '}'
    const cases: [string, 'ok' | 'error'][] = [
      ['['.repeat(100_000) + ']'.repeat(100_000), 'error'],
      // Deep unknown fields: refused on open, since they could not be saved again.
      [head('[{"name":"S","cells":{},"x":' + '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000) + '}]'), 'error'],
      [head('[{"name":"S","cells":{},"x":' + '[{"a":'.repeat(45) + '1' + '}]'.repeat(45) + '}]'), 'ok'],
      [head('[{"name":"S","cells":{"A1":{"input":"' + 'x'.repeat(2_000_000) + '"}}}]'), 'ok'],
      [head('[{"name":"S","cells":{"A1":{"input":"=' + '('.repeat(50_000) + '"}}}]'), 'ok'],
      [head('[{"name":"S","cells":{"A1":{"input":"' + '9'.repeat(10_000) + '"}}}]'), 'ok'],
      [head('[{"name":"S","cells":{"A1":{"input":"1"}}}]').replace('"version":1', '"version":1e400'), 'error'],
      [head('[{"name":"S","cells":' + cells(100_000, (i) => (i ? `=A${i}+1` : '1')) + '}]'), 'ok'],
      [head('[' + Array.from({ length: 2_000 }, (_, i) => `{"name":"S${i}","cells":{"A1":{"input":"=S${(i + 1) % 2000}!A1"}}}`).join(',') + ']'), 'ok'],
      [head('[{"name":"S","cells":{"XFD1048576":{"input":"=SUM(A1:XFD1048576)"}}}]'), 'ok'],
      ['\uFEFF' + head('[{"name":"S","cells":{}}]'), 'ok'],
      ['\u0000'.repeat(10_000), 'error'],
    ]
    for (const [text, expected] of cases) expect(load(text).ok).toBe(expected === 'ok')
  })

  it('the heap settles across 30 rounds of loading every example and 50 mutated files', () => {
    const mutants = fc.sample(fc.tuple(fc.constantFrom(...EXAMPLES), fc.nat(), nasty), { numRuns: 50, seed: 7 })
    const round = () => {
      for (const text of EXAMPLES) load(text)
      for (const [text, at, value] of mutants) load(JSON.stringify(mutate(JSON.parse(text), at, value)))
    }
    for (let k = 0; k < 3; k++) round()
    const before = settledHeap()
    for (let k = 0; k < 30; k++) round()
    expect(settledHeap()).toBeLessThan(before * 1.5 + 32 * 1024 * 1024)
  })
})
