// Whether a view the worker sent shows exactly what the store already holds for that cell.
// A scroll while views are owed asks the worker for the whole window each frame; writing
// the unchanged views re-ran every visible cell's rendering (35–70 ms per reply, measured
// with bench/ui/frame-profile.ts). Skipping equal views makes such a reply cost only the
// cells that really changed.
import type { CellView } from '../../../engine/api'

type Shown = CellView['value'] | CellView['grad']

function sameShown(a: Shown, b: Shown): boolean {
  if (a.kind !== b.kind) return false
  // Numbers are the common case (every chain cell): compared without building strings. Object.is: NaN and ±0 exactly.
  if (a.kind === 'number') return Object.is(a.value, (b as typeof a).value)
  if (a.kind === 'empty' || a.kind === 'none') return true
  return JSON.stringify(a) === JSON.stringify(b)
}

export function sameView(a: CellView | undefined, b: CellView | undefined): boolean {
  if (a === b) return true
  if (!a || !b) return false
  return (
    a.input === b.input &&
    a.name === b.name &&
    !!a.param === !!b.param &&
    a.sheet === b.sheet &&
    a.address === b.address &&
    sameShown(a.value, b.value) &&
    sameShown(a.grad, b.grad)
  )
}
