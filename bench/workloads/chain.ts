// A chain: A1 is the input, each next cell reads the one above; J is the last cell.
// Nine steps x + 0.0001 then one smooth step x + 0.0001·tanh(x), repeated. Every step has
// derivative ≈ 1, so ∂J/∂A1 stays near 1 at a million cells (no denormals to slow any
// system down) and an edit of A1 really changes every cell: a contracting chain would
// let the change fade below one ulp and an engine could rightly stop propagating it.
import { type Op, type Workload, ref } from './ops.ts'

export const chain: Workload = {
  id: 'chain',
  description: 'chain: A1 input; Ai = f(A(i-1)), 9 of 10 x+1e-4, 1 of 10 x+1e-4·tanh(x); J = last',
  cells(n, visit) {
    visit(ref(0, 0), { code: 'const', value: 0.5 })
    for (let i = 1; i < n; i++) {
      const op: Op = i % 10 === 0
        ? { code: 'tanhStep', a: ref(i - 1, 0), k: 0.0001 }
        : { code: 'affine', a: ref(i - 1, 0), k1: 1, k0: 0.0001 }
      visit(ref(i, 0), op)
    }
  },
  objective: (n) => ref(n - 1, 0),
  editTarget: () => ref(0, 0),
}
