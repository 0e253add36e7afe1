// The Formula reference page's content: every callable function's help, grouped and
// filtered by a search text (name, signature or description). Pure, unit-tested.
import { FUNCTION_GROUPS, functionHelp, type FunctionGroup, type FunctionHelp } from '../../../engine/functions/help'

export interface ReferenceEntry extends FunctionHelp {
  name: string
}

export interface ReferenceGroup {
  group: FunctionGroup
  entries: ReferenceEntry[]
}

/** The functions matching every word of the search (case-insensitive), grouped in page order. */
export function referenceGroups(functionNames: readonly string[], search: string): ReferenceGroup[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean)
  const entries: ReferenceEntry[] = []
  for (const name of functionNames) {
    const help = functionHelp(name)
    if (!help) continue
    const haystack = `${name} ${help.signature} ${help.description} ${help.group}`.toLowerCase()
    if (words.every((w) => haystack.includes(w))) entries.push({ name, ...help })
  }
  return FUNCTION_GROUPS
    .map((group) => ({ group, entries: entries.filter((e) => e.group === group).sort((a, b) => a.name.localeCompare(b.name)) }))
    .filter((g) => g.entries.length > 0)
}
