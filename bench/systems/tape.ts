// Measures the Float64Array tape (the floor).
import { type Measurement, editValue, liveBytes, median, sampleTimes, timed } from '../measure.ts'
import { buildTape, editInput, forward, reverse, slotOf } from '../tape/tape.ts'
import type { Workload } from '../workloads/ops.ts'

export function measureTape(workload: Workload, n: number): Measurement {
  const before = liveBytes()
  const load = timed(() => {
    const t = buildTape(workload, n)
    forward(t)
    reverse(t, slotOf(t, workload.objective(n)))
    return t
  })
  const tape = load.result
  const objective = slotOf(tape, workload.objective(n))
  const input = slotOf(tape, workload.editTarget(n))
  tape.slotAt = new Int32Array(0) // the address lookup is build-time only: the floor keeps just its tape
  const bytes = liveBytes() - before
  const J = tape.value[objective]

  const base = tape.value[input]
  const edits = sampleTimes((k) => editInput(tape, input, editValue(base, k), objective))
  const full = sampleTimes(() => { forward(tape); reverse(tape, objective) })
  return {
    system: 'tape', workload: workload.id, n, cells: tape.size, status: 'ok',
    loadMs: load.ms, editMs: median(edits), editMinMs: Math.min(...edits), editSamples: edits.length,
    fullMs: median(full), fullMethod: 'forward(all) + reverse(all)',
    bytesPerCell: bytes / tape.size, objective: J,
    notes: ['load = build typed arrays from the op list (no parsing) + forward + reverse; edit = forward from the first reader of the input + full reverse'],
  }
}
