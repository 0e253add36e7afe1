// Measures math.js compile().evaluate() per cell (values only): the naive way to build
// a spreadsheet on math.js, which the engine is designed to avoid.
import { type EvalFunction, compile } from 'mathjs'
import { type Measurement, editValue, keepAlive, liveBytes, median, sampleTimes, timed } from '../measure.ts'
import { a1 } from '../workloads/address.ts'
import { type MathjsCell, buildMathjsCells } from '../workloads/mathjs-cells.ts'
import type { Workload } from '../workloads/ops.ts'

interface Program {
  addresses: string[]
  /** null for an input cell. */
  code: (EvalFunction | null)[]
  ranges: (string[] | undefined)[]
  /** Cells (indices, in topological order) that read each cell. */
  readers: number[][]
  scope: Map<string, unknown>
}

function evaluateCell(p: Program, i: number): void {
  const code = p.code[i]
  if (!code) return
  const range = p.ranges[i]
  if (range) p.scope.set('RANGE', range.map((addr) => p.scope.get(addr)))
  p.scope.set(p.addresses[i], code.evaluate(p.scope))
}

function build(cells: MathjsCell[]): Program {
  const index = new Map<string, number>()
  const p: Program = { addresses: [], code: [], ranges: [], readers: [], scope: new Map() }
  cells.forEach((cell, i) => {
    index.set(cell.address, i)
    p.addresses.push(cell.address)
    p.readers.push([])
    p.ranges.push(cell.range)
    if (typeof cell.content === 'number') { p.code.push(null); p.scope.set(cell.address, cell.content) }
    else p.code.push(compile(cell.content))
    for (const r of cell.reads) p.readers[index.get(r)!].push(i)
  })
  for (let i = 0; i < cells.length; i++) evaluateCell(p, i)
  return p
}

/** Re-evaluates, in topological order, every cell downstream of cell `i`. */
function propagate(p: Program, i: number): void {
  const dirty = new Uint8Array(p.addresses.length)
  const stack = [i]
  const order: number[] = []
  while (stack.length) {
    const c = stack.pop()!
    for (const r of p.readers[c]) if (!dirty[r]) { dirty[r] = 1; order.push(r); stack.push(r) }
  }
  order.sort((x, y) => x - y) // cells are numbered in topological order
  for (const c of order) evaluateCell(p, c)
}

export function measureMathjs(workload: Workload, n: number): Measurement {
  const texts = buildMathjsCells(workload, n)
  const before = liveBytes()
  const load = timed(() => build(texts))
  const p = load.result
  const bytes = liveBytes() - before
  keepAlive(texts) // so its collection does not shrink the memory delta
  const cells = p.addresses.length
  const J = Number(p.scope.get(a1(workload.objective(n))))

  const inputAddress = a1(workload.editTarget(n))
  const input = p.addresses.indexOf(inputAddress)
  const base = Number(p.scope.get(inputAddress))
  const edits = sampleTimes((k) => { p.scope.set(inputAddress, editValue(base, k)); propagate(p, input) })
  const full = sampleTimes(() => { for (let i = 0; i < cells; i++) evaluateCell(p, i) })
  return {
    system: 'mathjs', workload: workload.id, n, cells, status: 'ok',
    loadMs: load.ms, editMs: median(edits), editMinMs: Math.min(...edits), editSamples: edits.length,
    fullMs: median(full), fullMethod: 'values only: evaluate every compiled cell in order',
    bytesPerCell: bytes / cells, objective: J,
    notes: ['values only; load = generate texts excluded, then compile() each cell + dependents index + first evaluation; edit = walk dependents, evaluate them in order'],
  }
}
