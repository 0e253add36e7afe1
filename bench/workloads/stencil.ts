// A 2-D stencil on a side×side grid (side = ⌊√N⌋). A1 is the input; the first row and
// first column each read their one neighbour (0.999·x + 0.001); every inner cell is the
// mean of its neighbours above and to the left. A1 reaches every cell; J = bottom-right.
import { type Workload, ref } from './ops.ts'

const sideOf = (n: number): number => Math.max(2, Math.floor(Math.sqrt(n)))

export const stencil: Workload = {
  id: 'stencil',
  description: 'stencil: √N×√N grid; A1 input; borders 0.999·neighbour+0.001; inner = 0.5·above + 0.5·left; J = bottom-right',
  cells(n, visit) {
    const side = sideOf(n)
    for (let r = 0; r < side; r++) {
      for (let c = 0; c < side; c++) {
        const at = ref(r, c)
        if (r === 0 && c === 0) visit(at, { code: 'const', value: 0.5 })
        else if (r === 0) visit(at, { code: 'affine', a: ref(0, c - 1), k1: 0.999, k0: 0.001 })
        else if (c === 0) visit(at, { code: 'affine', a: ref(r - 1, 0), k1: 0.999, k0: 0.001 })
        else visit(at, { code: 'lin2', a: ref(r - 1, c), b: ref(r, c - 1), ka: 0.5, kb: 0.5 })
      }
    }
  },
  objective: (n) => ref(sideOf(n) - 1, sideOf(n) - 1),
  editTarget: () => ref(0, 0),
}
