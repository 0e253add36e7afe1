import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { afterQuietMoment, markActivity } from './quiet-moment'

const QUIET = { quietMs: 500, maxWaitMs: 4000 }

describe('afterQuietMoment', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }))
  afterEach(() => vi.useRealTimers())

  it('runs after the delay when nothing happens', () => {
    const run = vi.fn()
    afterQuietMoment(1000, run, QUIET)
    vi.advanceTimersByTime(999)
    expect(run).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(run).toHaveBeenCalledTimes(1)
  })

  it('waits while the person keeps scrolling, and runs half a second after they stop', () => {
    const run = vi.fn()
    afterQuietMoment(1000, run, QUIET)
    for (let t = 0; t < 2000; t += 100) {
      markActivity()
      vi.advanceTimersByTime(100)
    }
    expect(run).not.toHaveBeenCalled()
    vi.advanceTimersByTime(399)
    expect(run).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(run).toHaveBeenCalledTimes(1)
  })

  it('runs by the deadline even if the person never pauses, and never after a cancel', () => {
    const run = vi.fn()
    afterQuietMoment(1000, run, QUIET)
    for (let t = 0; t < 4900; t += 50) {
      markActivity()
      vi.advanceTimersByTime(50)
    }
    expect(run).not.toHaveBeenCalled()
    markActivity()
    vi.advanceTimersByTime(100)
    expect(run).toHaveBeenCalledTimes(1)
    const cancelled = vi.fn()
    const cancel = afterQuietMoment(1000, cancelled, QUIET)
    vi.advanceTimersByTime(500)
    cancel()
    vi.advanceTimersByTime(10_000)
    expect(cancelled).not.toHaveBeenCalled()
  })
})
