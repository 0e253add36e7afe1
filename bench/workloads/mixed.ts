// A small neural regression (issue 12's mixed workload): m = ⌊(N−7)/8⌋ rows of five
// features x1…x5 and a target y (inputs); per row a tanh hidden unit
// h = tanh(w_1·x1 + … + w_5·x5 + bias) and its squared error (h − y)²; the weights and the
// bias are named cells; J = AVERAGE of the errors (mean squared error). Editing w_1
// changes every unit, every error and J.
import { type Workload, ref } from './ops.ts'

const FEATURES = 5
const PARAM_COL = 9 // column J: w_1…w_5, bias, then J
const rowsOf = (n: number): number => Math.max(1, Math.floor((n - FEATURES - 2) / (FEATURES + 3)))
const W = Array.from({ length: FEATURES }, (_, k) => ref(k, PARAM_COL))
const BIAS = ref(FEATURES, PARAM_COL)
const OBJECTIVE = ref(FEATURES + 1, PARAM_COL)

/** Deterministic features in [−1, 1) and a target a tanh unit can fit, with small structured noise. */
function feature(i: number, k: number): number {
  return (((i + 1) * (2654435761 + 97 * k)) % 2000) / 1000 - 1
}

export const mixed: Workload = {
  id: 'mixed',
  description: 'mixed: m≈N/8 rows of x1…x5, y; h = tanh(w_1·x1+…+w_5·x5+bias), loss = (h−y)²; named weights; J = AVERAGE(loss)',
  cells(n, visit) {
    const m = rowsOf(n)
    W.forEach((w, k) => visit(w, { code: 'const', value: 0.1 * (k + 1) - 0.25 }, `w_${k + 1}`))
    visit(BIAS, { code: 'const', value: 0.05 }, 'bias')
    for (let i = 0; i < m; i++) {
      const x = Array.from({ length: FEATURES }, (_, k) => feature(i, k))
      x.forEach((value, k) => visit(ref(i, k), { code: 'const', value }))
      const y = Math.tanh(0.4 * x[0] - 0.3 * x[1] + 0.2 * x[2] - 0.1 * x[3] + 0.05 * x[4]) + ((i * 40503) % 200 - 100) / 2000
      visit(ref(i, FEATURES), { code: 'const', value: y })
      const xs = x.map((_, k) => ref(i, k))
      visit(ref(i, FEATURES + 1), { code: 'neuron', w: W, x: xs, b: BIAS })
      visit(ref(i, FEATURES + 2), { code: 'sqdiff', a: ref(i, FEATURES + 1), b: ref(i, FEATURES) })
    }
    visit(OBJECTIVE, { code: 'mean', range: { from: ref(0, FEATURES + 2), to: ref(m - 1, FEATURES + 2) } })
  },
  objective: () => OBJECTIVE,
  editTarget: () => W[0],
}
