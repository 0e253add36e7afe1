// Whether the data panel (CSV import/export) is shown (toggled from the toolbar).
import { createSignal } from 'solid-js'

const [dataOpen, setDataOpen] = createSignal(false)
export { dataOpen, setDataOpen }
