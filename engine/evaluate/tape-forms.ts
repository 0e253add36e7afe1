// The function table's fast forms as the tape (evaluate/tape.ts) calls them: by small
// index into parallel arrays of plain functions, so a forward or reverse step is one
// property load and a call, not a lookup on differently shaped entry objects. Filled
// while lowering (evaluate/tape-layout.ts); one entry per distinct fast form.
import type { Fast1, Fast2 } from '../functions/types'

type F1 = (x: number) => number
type D1 = (x: number, y: number) => number
type F2 = (a: number, b: number) => number
type D2 = (a: number, b: number, y: number) => number
const noDomain = (): boolean => false

/**
 * The function table's fast forms the tape calls, by small index, each part in its own
 * array of plain functions (one property load per call, not a lookup on differently
 * shaped entry objects).
 */
export class FastForms {
  private ids = new Map<Fast1 | Fast2, number>()
  readonly f1: F1[] = []
  readonly df1: D1[] = []
  readonly dom1: ((x: number) => unknown)[] = []
  readonly f2: F2[] = []
  readonly dfa: D2[] = []
  readonly dfb: D2[] = []
  readonly dom2: ((a: number, b: number) => unknown)[] = []
  unary(f: Fast1): number {
    let k = this.ids.get(f)
    if (k === undefined) {
      this.ids.set(f, (k = this.f1.length))
      this.f1.push(f.f)
      this.df1.push(f.df)
      this.dom1.push(f.domain ?? noDomain)
    }
    return k
  }
  binary(f: Fast2): number {
    let k = this.ids.get(f)
    if (k === undefined) {
      this.ids.set(f, (k = this.f2.length))
      this.f2.push(f.f)
      this.dfa.push(f.dfa)
      this.dfb.push(f.dfb)
      this.dom2.push(f.domain ?? noDomain)
    }
    return k
  }
}
