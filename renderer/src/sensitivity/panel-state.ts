// Whether the Sensitivity panel is shown (toggled from the toolbar).
import { createSignal } from 'solid-js'

const [sensitivityOpen, setSensitivityOpen] = createSignal(false)
export { sensitivityOpen, setSensitivityOpen }
