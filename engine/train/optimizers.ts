// The optimizers: plain gradient descent, momentum (heavy ball) and Adam. Each updates
// θ in place from ∂J/∂θ; their state lives in the closure.

export type Method = 'gd' | 'momentum' | 'adam'

export const METHODS: Record<Method, string> = { gd: 'Gradient descent', momentum: 'Momentum', adam: 'Adam' }

export type Optimizer = (theta: Float64Array, grad: Float64Array) => void

const MOMENTUM = 0.9
const BETA1 = 0.9
const BETA2 = 0.999
const EPSILON = 1e-8

export function createOptimizer(method: Method, learningRate: number, size: number): Optimizer {
  switch (method) {
    case 'gd':
      return (theta, g) => {
        for (let i = 0; i < size; i++) theta[i] -= learningRate * g[i]
      }
    case 'momentum': {
      const v = new Float64Array(size)
      return (theta, g) => {
        for (let i = 0; i < size; i++) {
          v[i] = MOMENTUM * v[i] + g[i]
          theta[i] -= learningRate * v[i]
        }
      }
    }
    case 'adam': {
      const m = new Float64Array(size)
      const v = new Float64Array(size)
      let t = 0
      return (theta, g) => {
        t++
        const c1 = 1 - BETA1 ** t
        const c2 = 1 - BETA2 ** t
        for (let i = 0; i < size; i++) {
          m[i] = BETA1 * m[i] + (1 - BETA1) * g[i]
          v[i] = BETA2 * v[i] + (1 - BETA2) * g[i] * g[i]
          theta[i] -= (learningRate * (m[i] / c1)) / (Math.sqrt(v[i] / c2) + EPSILON)
        }
      }
    }
  }
}
