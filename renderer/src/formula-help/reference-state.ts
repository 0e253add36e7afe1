// Whether the Formula reference page is open (toolbar button, Shift+F1, Help menu).
import { createSignal } from 'solid-js'

export const [referenceOpen, setReferenceOpen] = createSignal(false)
