// Cell names (w, b, J, …): name ↔ cell id both ways, and which formula cells use each
// name, so naming, renaming or unnaming a cell rebinds exactly those formulas.
// Names resolve dynamically: a formula may use a name before any cell has it (#NAME?).

export class NameTable {
  private toId = new Map<string, number>()
  private ofId = new Map<number, string>()
  private users = new Map<string, Set<number>>()

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
    if (!set) this.users.set(name, (set = new Set()))
    set.add(id)
  }

  removeUser(name: string, id: number): void {
    this.users.get(name)?.delete(id)
  }

  /** The formula cells that use `name` (a copy: rebinding changes the set). */
  usersOf(name: string): number[] {
    return [...(this.users.get(name) ?? [])]
  }
}
