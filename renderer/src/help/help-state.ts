// Which help window is open (the Help menu, the status bar's Legend link), shared so any
// component can open one.
import { createSignal } from 'solid-js'

export type HelpWindow = 'legend' | 'shortcuts' | 'tour' | null

const [helpWindow, setHelpWindow] = createSignal<HelpWindow>(null)
export { helpWindow, setHelpWindow }
