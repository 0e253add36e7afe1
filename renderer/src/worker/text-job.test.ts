// The worker's text job (text-job.ts) on a fake clock: it writes for about SLICE_MS, then
// hands the rest to `later` (the worker answers waiting requests in between); a Blob holds
// the text as UTF-8; a writer that throws ends the job with the error, not a hang.
import { describe, expect, it } from 'vitest'
import type { WorkbookTextWriter } from '../../../engine/index'
import { SLICE_MS, writeInSlices } from './text-job'

/** A writer of `count` pieces "<k>é\n", each call advancing the fake clock by `msEach`. */
function fakeWriter(count: number, clock: { t: number }, msEach: number): WorkbookTextWriter {
  let k = 0
  return {
    next: () => {
      if (k >= count) return null
      clock.t += msEach
      return `${k++}é\n`
    },
  }
}

function run(form: 'text' | 'blob', writer: WorkbookTextWriter, clock: { t: number }) {
  const queued: (() => void)[] = []
  let result: { text: string | Blob } | { error: unknown } | null = null
  writeInSlices(writer, form, { later: (step) => queued.push(step), now: () => clock.t }, (r) => (result = r))
  let slices = 1
  while (result === null && queued.length > 0) {
    queued.shift()!()
    slices++
  }
  return { result: result as { text: string | Blob } | { error: unknown } | null, slices }
}

const expected = Array.from({ length: 100 }, (_, k) => `${k}é\n`).join('')

describe('the worker writes a workbook text in slices', () => {
  it('yields after about SLICE_MS of writing, and the slices join into the whole text', () => {
    const clock = { t: 0 }
    const { result, slices } = run('text', fakeWriter(100, clock, 1), clock)
    expect(result).toEqual({ text: expected })
    expect(slices).toBe(Math.ceil(100 / SLICE_MS)) // SLICE_MS pieces (1 ms each) a slice
  })

  it('writes it all at once when the writer is quick', () => {
    const clock = { t: 0 }
    expect(run('text', fakeWriter(100, clock, 0), clock).slices).toBe(1)
  })

  it('gives the text as a Blob of UTF-8 when asked for one, a slice at a time', async () => {
    const clock = { t: 0 }
    const { result, slices } = run('blob', fakeWriter(100, clock, 1), clock)
    const blob = (result as { text: Blob }).text
    expect(slices).toBe(Math.ceil(100 / SLICE_MS))
    expect(blob).toBeInstanceOf(Blob)
    expect(await blob.text()).toBe(expected)
    expect(blob.size).toBe(new TextEncoder().encode(expected).length)
  })

  it('ends with the error when the writer throws', () => {
    const clock = { t: 0 }
    const writer: WorkbookTextWriter = { next: () => { throw new Error('boom') } }
    const { result } = run('text', writer, clock)
    expect(result && 'error' in result && (result.error as Error).message).toBe('boom')
  })
})
