// A workbook's text (save, export, the hot-exit backup) written in slices of about
// SLICE_MS, with the worker free to answer edits between them: written in one go, a 1M-cell
// workbook held the worker for ~2.5 s, and an Enter that met a backup waited that long
// (docs/benchmarks.md, "A pause between edits at 1M"). The engine's writer works from a
// snapshot taken when the request arrived (engine/core/document-text.ts), so the text is
// the workbook as of that request, in the order the UI sent it. A backup's text comes as a
// Blob, each slice's text appended to it as it is written (1–5 ms a slice at 1M cells): the
// page only wraps it for the host, without holding or encoding the text (~1 ms instead of
// 150–500 ms for a Blob or fetch of 52 MB made on its UI thread).
import type { WorkbookTextWriter } from '../../../engine/index'

/** How long one slice may write before the worker looks at its messages again. */
export const SLICE_MS = 12
/** Cells' lines per call of the writer within a slice. */
const CELLS_PER_STEP = 4000

export interface TextJobDeps {
  /** Runs `step` after the messages already waiting (a MessageChannel in the worker). */
  later(step: () => void): void
  now(): number
}

export function writeInSlices(
  writer: WorkbookTextWriter,
  form: 'text' | 'blob',
  deps: TextJobDeps,
  done: (result: { text: string | Blob } | { error: unknown }) => void,
): void {
  // The text so far: all of it as strings, or (a Blob) the current slice's.
  const pieces: string[] = []
  let blob = form === 'blob' ? new Blob([]) : null
  const slice = (): void => {
    try {
      const until = deps.now() + SLICE_MS
      let ended = false
      do {
        const piece = writer.next(CELLS_PER_STEP)
        if (piece === null) ended = true
        else pieces.push(piece)
      } while (!ended && deps.now() < until)
      // A Blob takes the slice's text and refers to what it already holds (no copy of that).
      if (blob) blob = new Blob([blob, pieces.splice(0).join('')], { type: 'application/json' })
      if (ended) return done({ text: blob ?? pieces.join('') })
      deps.later(slice)
    } catch (error) {
      done({ error })
    }
  }
  slice()
}
