// Workbook-wide figures (error count, largest |∂J/∂cell|) computed from a list of views:
// only for a snapshot that arrives without the engine's figures (a full cell list, so the
// walk is exact). The app's figures otherwise come from the engine (ChangeList.figures).
import type { CellView, WorkbookFigures } from '../../../engine/api'
import { dominantComponent } from '../model/gradient-colour'

export function figuresOfCells(cells: Iterable<CellView>): WorkbookFigures {
  let errorCells = 0
  let maxAbsGrad = 0
  for (const view of cells) {
    if (view.value.kind === 'error') errorCells++
    const g = view.grad
    const m = g.kind === 'number' ? Math.abs(g.value) : g.kind === 'tensor' ? Math.abs(dominantComponent(g.value)) : 0
    if (Number.isFinite(m) && m > maxAbsGrad) maxAbsGrad = m
  }
  return { errorCells, maxAbsGrad }
}
