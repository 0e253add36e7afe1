// A regression dataset: m = ⌊(N−3)/4⌋ samples in rows; A = x, B = y (inputs),
// C = prediction w·x + b, D = squared error; F1 = w, F2 = b (named cells),
// F3 = J = AVERAGE(D). Editing w changes every prediction, loss and J.
import { type Workload, ref } from './ops.ts'

const samplesOf = (n: number): number => Math.max(1, Math.floor((n - 3) / 4))
const W = ref(0, 5)
const B = ref(1, 5)

/** Deterministic data: x in [−1, 1), y = 2x + 1 + small structured noise. */
function sample(i: number): { x: number; y: number } {
  const x = ((i * 2654435761) % 2000) / 1000 - 1
  const noise = (((i * 40503) % 200) - 100) / 1000
  return { x, y: 2 * x + 1 + noise }
}

export const regression: Workload = {
  id: 'regression',
  description: 'regression: m≈N/4 rows of x, y, pred = w·x+b, loss = (pred−y)²; named w, b; J = AVERAGE(loss)',
  cells(n, visit) {
    const m = samplesOf(n)
    visit(W, { code: 'const', value: 0.5 }, 'w')
    visit(B, { code: 'const', value: 0 }, 'b')
    for (let i = 0; i < m; i++) {
      const { x, y } = sample(i)
      visit(ref(i, 0), { code: 'const', value: x })
      visit(ref(i, 1), { code: 'const', value: y })
      visit(ref(i, 2), { code: 'muladd', a: W, b: ref(i, 0), c: B })
      visit(ref(i, 3), { code: 'sqdiff', a: ref(i, 2), b: ref(i, 1) })
    }
    visit(ref(2, 5), { code: 'mean', range: { from: ref(0, 3), to: ref(m - 1, 3) } })
  },
  objective: () => ref(2, 5),
  editTarget: () => W,
}
