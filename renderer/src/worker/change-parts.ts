// How a long change list is cut into messages: the cells on screen first, then chunks of
// the rest, the final chunk going with the 'applied' reply (see protocol.ts). Pure, so
// the cut is unit-tested.
import type { CellView } from '../../../engine/api'
import { parseAddress } from '../model/address'
import type { ViewportHint } from './protocol'

/** Change lists longer than this are sent in parts. */
export const PART_SIZE = 8000

export function isOnScreen(hint: ViewportHint | undefined): (c: CellView) => boolean {
  if (!hint) return () => false
  return (c) => {
    if (c.sheet !== hint.sheet) return false
    const p = parseAddress(c.address)
    return !!p && p.row >= hint.rows[0] && p.row <= hint.rows[1] && p.col >= hint.cols[0] && p.col <= hint.cols[1]
  }
}

export interface ChangeParts {
  /** Sent as 'appliedPart' messages, in order. */
  leading: CellView[][]
  /** Sent with the final 'applied' reply. */
  last: CellView[]
}

export function splitChangeCells(cells: CellView[], hint: ViewportHint | undefined, partSize = PART_SIZE): ChangeParts {
  if (cells.length <= partSize) return { leading: [], last: cells }
  const visible = isOnScreen(hint)
  const first: CellView[] = []
  const rest: CellView[] = []
  for (const c of cells) (visible(c) ? first : rest).push(c)
  const leading: CellView[][] = first.length > 0 ? [first] : []
  let start = 0
  while (rest.length - start > partSize) {
    leading.push(rest.slice(start, start + partSize))
    start += partSize
  }
  return { leading, last: rest.slice(start) }
}
