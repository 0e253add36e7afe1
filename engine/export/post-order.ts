// Depth-first post-order from one node, iteratively (a chain of a million cells must not
// overflow the call stack), stopping at the first cycle met. The exporter orders J's
// cone with it twice: cells (plan.ts) and, after vectorising, cells and runs (vectorise.ts).

/** Every node reachable from the root, each after the nodes it depends on; or the nodes on the first cycle met, from the node reached again to the deepest. */
export type PostOrder<T> = { order: T[] } | { cycle: T[] }

export function postOrder<T>(root: T, depsOf: (node: T) => T[]): PostOrder<T> {
  const order: T[] = []
  const state = new Map<T, 1 | 2>() // 1: on the stack, 2: done
  const stack: { node: T; deps: T[]; next: number }[] = []
  const enter = (node: T) => {
    state.set(node, 1)
    stack.push({ node, deps: depsOf(node), next: 0 })
  }
  enter(root)
  while (stack.length) {
    const top = stack[stack.length - 1]
    if (top.next < top.deps.length) {
      const dep = top.deps[top.next++]
      const s = state.get(dep)
      if (s === undefined) enter(dep)
      else if (s === 1) return { cycle: stack.slice(stack.findIndex((f) => f.node === dep)).map((f) => f.node) }
      continue
    }
    stack.pop()
    state.set(top.node, 2)
    order.push(top.node)
  }
  return { order }
}
