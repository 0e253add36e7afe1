// A map whose entries are individually reactive: reading `get(key)` inside a Solid
// computation subscribes to that key only, and `set` wakes only that key's readers.
// Only keys someone is looking at (the visible cells) hold a signal, so applying a
// 100k-cell change list is 100k plain map writes plus a signal per visible cell.
import { createSignal, getListener, onCleanup, type Accessor, type Setter } from 'solid-js'

interface Watch {
  read: Accessor<number>
  bump: Setter<number>
  readers: number
}

export interface KeyedSignals<T> {
  get(key: string): T | undefined
  /** The entry without subscribing to it (for bookkeeping inside updates). */
  peek(key: string): T | undefined
  set(key: string, value: T | undefined): void
  /** Replaces every entry; wakes readers of keys whose entry changed. */
  replaceAll(entries: Map<string, T>): void
  /** Untracked iteration (commands, not rendering). */
  entries(): IterableIterator<[string, T]>
  values(): IterableIterator<T>
  readonly size: number
}

export function createKeyedSignals<T>(): KeyedSignals<T> {
  let data = new Map<string, T>()
  const watches = new Map<string, Watch>()

  function get(key: string): T | undefined {
    if (getListener()) {
      let watch = watches.get(key)
      if (!watch) {
        const [read, bump] = createSignal(0, { equals: false })
        watch = { read, bump, readers: 0 }
        watches.set(key, watch)
      }
      const w = watch
      w.readers++
      w.read()
      onCleanup(() => {
        if (--w.readers === 0 && watches.get(key) === w) watches.delete(key)
      })
    }
    return data.get(key)
  }

  function set(key: string, value: T | undefined): void {
    if (value === undefined) data.delete(key)
    else data.set(key, value)
    watches.get(key)?.bump(0)
  }

  function replaceAll(entries: Map<string, T>): void {
    const old = data
    data = entries
    for (const [key, watch] of watches) if (old.get(key) !== entries.get(key)) watch.bump(0)
  }

  return {
    get,
    peek: (key: string) => data.get(key),
    set,
    replaceAll,
    entries: () => data.entries(),
    values: () => data.values(),
    get size() {
      return data.size
    },
  }
}
