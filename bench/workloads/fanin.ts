// A wide fan-in: N inputs in column A, J = SUM over all of them in B1.
import { type Workload, ref } from './ops.ts'

export const fanIn: Workload = {
  id: 'fan-in',
  description: 'fan-in: A1:A(N-1) inputs; B1 = SUM(A1:A(N-1)) = J',
  cells(n, visit) {
    const inputs = Math.max(1, n - 1)
    for (let i = 0; i < inputs; i++) visit(ref(i, 0), { code: 'const', value: ((i * 7919) % 1000) / 1000 })
    visit(ref(0, 1), { code: 'sum', range: { from: ref(0, 0), to: ref(inputs - 1, 0) } })
  },
  objective: () => ref(0, 1),
  editTarget: () => ref(0, 0),
}
