// Every workload the benchmark runs, by id.
import { chain } from './chain.ts'
import { fanIn } from './fanin.ts'
import { mixed } from './mixed.ts'
import type { Workload } from './ops.ts'
import { regression } from './regression.ts'
import { stencil } from './stencil.ts'

export const WORKLOADS: Workload[] = [chain, fanIn, stencil, regression, mixed]

export function workloadById(id: string): Workload | undefined {
  return WORKLOADS.find((w) => w.id === id)
}
