// Cell names (w, b, J, …): name ↔ cell id both ways, and which formula cells use each
// name, so naming, renaming or unnaming a cell rebinds exactly those formulas.
// Names resolve dynamically: a formula may use a name before any cell has it (#NAME?).
//
// A name's users are a set with insertion order (what a Set gives), kept as an ascending
// Int32Array while ids arrive in increasing order — a document's load binds its formulas
// in id order — plus a Set of later arrivals and one of ids taken out of the array: at a
// million cells with six names used by 125k formulas each, one Set.add per use was
// ~0.35 s of the load (issue 12, load, fifth session; restore branch).

/** The cells that use one name, in the order they started to (a Set's order). */
class NameUsers {
  /** Ascending, distinct: the users that arrived in increasing id order, first. */
  private ordered = new Int32Array(16)
  private count = 0
  /** Ids of `ordered` no longer users. */
  private removed: Set<number> | null = null
  /** Users that arrived out of order (or again after removal), after `ordered`. */
  private later = new Set<number>()

  private indexOf(id: number): number {
    let lo = 0
    let hi = this.count - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const x = this.ordered[mid]
      if (x === id) return mid
      if (x < id) lo = mid + 1
      else hi = mid - 1
    }
    return -1
  }

  private has(id: number): boolean {
    return this.later.has(id) || (this.indexOf(id) >= 0 && !this.removed?.has(id))
  }

  add(id: number): void {
    if (this.later.size === 0 && (this.count === 0 || id > this.ordered[this.count - 1])) {
      if (this.count === this.ordered.length) {
        const grown = new Int32Array(this.count * 2)
        grown.set(this.ordered)
        this.ordered = grown
      }
      this.ordered[this.count++] = id
      return
    }
    if (!this.has(id)) this.later.add(id)
  }

  delete(id: number): void {
    if (this.later.delete(id)) return
    if (this.indexOf(id) >= 0) (this.removed ??= new Set()).add(id)
  }

  list(): number[] {
    const out: number[] = []
    for (let k = 0; k < this.count; k++) if (!this.removed?.has(this.ordered[k])) out.push(this.ordered[k])
    for (const id of this.later) out.push(id)
    return out
  }
}

export class NameTable {
  private toId = new Map<string, number>()
  private ofId = new Map<number, string>()
  private users = new Map<string, NameUsers>()

  idOf(name: string): number | undefined {
    return this.toId.get(name)
  }

  nameOf(id: number): string | undefined {
    return this.ofId.get(id)
  }

  hasName(id: number): boolean {
    return this.ofId.has(id)
  }

  assign(name: string, id: number): void {
    this.toId.set(name, id)
    this.ofId.set(id, name)
  }

  /** Removes the name from the cell that has it. */
  release(name: string): void {
    const id = this.toId.get(name)
    this.toId.delete(name)
    if (id !== undefined) this.ofId.delete(id)
  }

  addUser(name: string, id: number): void {
    let set = this.users.get(name)
    if (!set) this.users.set(name, (set = new NameUsers()))
    set.add(id)
  }

  removeUser(name: string, id: number): void {
    this.users.get(name)?.delete(id)
  }

  /** The formula cells that use `name` (a copy: rebinding changes the set). */
  usersOf(name: string): number[] {
    return this.users.get(name)?.list() ?? []
  }
}
