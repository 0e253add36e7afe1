// Evaluation order of the whole graph with Tarjan's strongly-connected components,
// iteratively (chains can be a million deep). Following precedent edges, Tarjan emits
// every component after all components it reads from, so emission order is a valid
// evaluation order; a component of more than one cell (or a self-reference) is a cycle.

/**
 * The precedent edges as rows of one flat array (graph/bindings.ts keeps them so): the
 * cells `id` reads are ids[start[id] .. start[id] + count[id]). No array per cell.
 */
export interface PrecedentRows {
  start: Int32Array
  count: Int32Array
  ids: Int32Array
}

/** Rows from one list per cell (for tests and small callers). */
export function rowsOf(lists: ArrayLike<number>[]): PrecedentRows {
  const start = new Int32Array(lists.length)
  const count = new Int32Array(lists.length)
  const ids: number[] = []
  lists.forEach((l, id) => {
    start[id] = ids.length
    count[id] = l.length
    for (let k = 0; k < l.length; k++) ids.push(l[k])
  })
  return { start, count, ids: Int32Array.from(ids) }
}

export interface OrderResult {
  order: Int32Array
  /** Per cycle: its member ids. Cells on no cycle are in none of these. */
  cycles: Int32Array[]
}

/** Where computeOrder may write besides its own allocations. */
export interface OrderSpace {
  /** Receives the order (at least `count` entries). */
  order: Int32Array
  /** Tarjan's discovery index (at least `count` entries, overwritten). */
  scratch: Int32Array
  /** Arrays whose contents may be overwritten: Tarjan's other four working arrays are cut from them where they fit (the rest are allocated). */
  spare?: Int32Array[]
}

/** `count`-entry arrays cut from the spare arrays (as many as fit, up to `want`). */
function cutFrom(spare: Int32Array[], count: number, want: number): Int32Array[] {
  const out: Int32Array[] = []
  for (const a of spare)
    for (let at = 0; at + count <= a.length && out.length < want; at += count) out.push(a.subarray(at, at + count))
  return out
}

/**
 * `into`: arrays the caller owns (the schedule's order and positions, and at load the
 * gradient arrays before their first use): the order is written into `order`, `scratch`
 * serves as Tarjan's discovery index and `spare` as its other working arrays, so a
 * reorder of a million cells allocates up to 24 MB less. At load that matters beyond
 * the memory: V8 starts a full collection for every ~64 MB of new array buffers, and each
 * marks the whole heap (docs/benchmarks.md, "Eighth session: the 1M loads").
 */
export function computeOrder(count: number, rows: PrecedentRows, into?: OrderSpace): OrderResult {
  const { start: rowStart, count: rowCount, ids: edges } = rows
  const index = into ? into.scratch.subarray(0, count) : new Int32Array(count)
  index.fill(-1)
  const cut = count > 0 && into?.spare ? cutFrom(into.spare, count, 4) : []
  const work = (): Int32Array => cut.pop() ?? new Int32Array(count)
  // low and stack are written before they are read; callNode and callEdge too (each level's entry is set when it is entered).
  const low = work()
  const onStack = new Uint8Array(count)
  const stack = work()
  const callNode = work()
  const callEdge = work()
  const order = into ? into.order.subarray(0, count) : new Int32Array(count)
  const cycles: Int32Array[] = []
  let sp = 0
  let next = 0
  let emitted = 0
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue
    let depth = 0
    callNode[0] = root
    callEdge[0] = 0
    index[root] = low[root] = next++
    stack[sp++] = root
    onStack[root] = 1
    while (depth >= 0) {
      const v = callNode[depth]
      const e = callEdge[depth]
      if (e < rowCount[v]) {
        callEdge[depth] = e + 1
        const w = edges[rowStart[v] + e]
        if (index[w] === -1) {
          index[w] = low[w] = next++
          stack[sp++] = w
          onStack[w] = 1
          depth++
          callNode[depth] = w
          callEdge[depth] = 0
        } else if (onStack[w] && index[w] < low[v]) low[v] = index[w]
        continue
      }
      if (low[v] === index[v]) {
        let start = sp
        do start--
        while (stack[start] !== v)
        const size = sp - start
        let selfLoop = false
        if (size === 1) for (let e = rowStart[v], end = e + rowCount[v]; e < end && !selfLoop; e++) selfLoop = edges[e] === v
        if (size > 1 || selfLoop) cycles.push(stack.slice(start, sp))
        for (let k = start; k < sp; k++) {
          onStack[stack[k]] = 0
          order[emitted++] = stack[k]
        }
        sp = start
      }
      depth--
      if (depth >= 0) {
        const parent = callNode[depth]
        if (low[v] < low[parent]) low[parent] = low[v]
      }
    }
  }
  return { order, cycles }
}

/**
 * A shortest cycle through `from` inside its component, as ids from → … → from, found by
 * breadth-first search along precedent edges.
 */
export function cyclePath(from: number, members: Set<number>, rows: PrecedentRows): number[] {
  const parent = new Map<number, number>()
  const queue = [from]
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q]
    for (let e = rows.start[v], end = e + rows.count[v]; e < end; e++) {
      const w = rows.ids[e]
      if (!members.has(w)) continue
      if (w === from) {
        const path = [from]
        for (let u = v; u !== from; u = parent.get(u)!) path.push(u)
        path.push(from)
        // path is from, v, parent(v), …: reverse the middle so it reads in reference order.
        return [from, ...path.slice(1, -1).reverse(), from]
      }
      if (!parent.has(w)) {
        parent.set(w, v)
        queue.push(w)
      }
    }
  }
  return [from, from]
}
