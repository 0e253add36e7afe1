// The outlines the grid draws while a formula is typed: each block its references name
// on the shown sheet (model/reference-colours.ts colours them), as a rectangle of cells,
// its colour and a label (B2, or B2:C4) the tests and screen readers can name it by. Pure.
import { formatAddress } from '../model/address'
import type { ColouredBlock } from '../model/reference-colours'
import type { Rect } from '../model/selection'

export interface ReferenceOutline {
  rect: Rect
  colour: number
  label: string
}

/** The blocks on `sheet` (sheet names compare without case), as the selection overlay draws them. */
export function referenceOutlines(blocks: readonly ColouredBlock[], sheet: string): ReferenceOutline[] {
  const shown = sheet.toLowerCase()
  return blocks
    .filter((b) => b.sheet.toLowerCase() === shown)
    .map((b) => ({
      rect: { top: b.from.row, left: b.from.col, bottom: b.to.row, right: b.to.col },
      colour: b.colour,
      label: b.from.col === b.to.col && b.from.row === b.to.row ? formatAddress(b.from) : `${formatAddress(b.from)}:${formatAddress(b.to)}`,
    }))
}
