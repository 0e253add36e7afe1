// A1-style addresses for the printers.
import { type Ref, refCol, refRow } from './ops.ts'

export function columnLetters(col: number): string {
  let s = ''
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s
  return s
}

export const a1 = (r: Ref): string => columnLetters(refCol(r)) + String(refRow(r) + 1)
export const absoluteA1 = (r: Ref): string => '$' + columnLetters(refCol(r)) + '$' + String(refRow(r) + 1)
