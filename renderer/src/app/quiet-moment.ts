// Runs background work that blocks the UI thread for a while (the hot-exit backup: the
// workbook's whole text crosses this thread to the host) in a moment when the person is not
// scrolling, typing or clicking, so it never lands in the middle of a scroll. Measured: a
// 100k-cell backup that started during a scroll made a 300 ms frame (bench/ui/frame-profile.ts,
// docs/benchmarks.md "The app at scale"). Durability is bounded: after `maxWaitMs` it runs anyway.

const ACTIVITY_EVENTS = ['scroll', 'wheel', 'keydown', 'pointerdown'] as const

let lastActivityAt = -Infinity
let listening = false

/** The person did something (the listeners call this; tests too). */
export function markActivity(): void {
  lastActivityAt = performance.now()
}

function listen(): void {
  if (listening || typeof document === 'undefined') return
  listening = true
  // Capture: a scroll of the grid's own scroller does not bubble to the document.
  for (const type of ACTIVITY_EVENTS) document.addEventListener(type, markActivity, { capture: true, passive: true })
}

export interface QuietOptions {
  /** How long nothing must have happened before `run` starts. */
  quietMs: number
  /** From the call on: `run` starts by then even if the person never pauses. */
  maxWaitMs: number
}

/** Calls `run` at the first quiet moment after `delayMs`; returns a cancel function. */
export function afterQuietMoment(delayMs: number, run: () => void, options: QuietOptions): () => void {
  listen()
  const deadline = performance.now() + delayMs + options.maxWaitMs
  let timer: ReturnType<typeof setTimeout> | undefined
  const check = () => {
    const now = performance.now()
    const quietFor = now - lastActivityAt
    if (quietFor >= options.quietMs || now >= deadline) {
      timer = undefined
      run()
      return
    }
    timer = setTimeout(check, Math.min(options.quietMs - quietFor, deadline - now))
  }
  timer = setTimeout(check, delayMs)
  return () => clearTimeout(timer)
}
