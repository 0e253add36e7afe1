// Whether the training panel is shown (toggled from the toolbar).
import { createSignal } from 'solid-js'

const [trainingOpen, setTrainingOpen] = createSignal(false)
export { setTrainingOpen, trainingOpen }
