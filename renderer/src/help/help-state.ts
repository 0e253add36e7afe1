// Which help window is open (the Help menu, the status bar's Legend link), shared so any
// component can open one; and the Help menu's hooks for pages that live elsewhere.
import { createSignal } from 'solid-js'

export type HelpWindow = 'legend' | 'shortcuts' | 'tour' | null

const [helpWindow, setHelpWindow] = createSignal<HelpWindow>(null)
export { helpWindow, setHelpWindow }

/** Help menu items whose page another part of the app provides, by command id. */
export type HelpCommand = 'openFormulaReference'
const hooks = new Map<HelpCommand, () => void>()

/** The formula reference page registers its opener here: registerHelpCommand('openFormulaReference', open). */
export function registerHelpCommand(id: HelpCommand, run: () => void): () => void {
  hooks.set(id, run)
  return () => {
    if (hooks.get(id) === run) hooks.delete(id)
  }
}

/** Runs a registered hook; false when nothing is registered for it. */
export function runHelpCommand(id: HelpCommand): boolean {
  const run = hooks.get(id)
  run?.()
  return run !== undefined
}
