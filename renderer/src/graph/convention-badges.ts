// Which cells used a non-differentiable convention at the current point (abs at 0, a
// max tie, a conditional's branch…): the grid shows a small badge on them. Filled by
// the graph controller after every change list.
import { createSignal } from 'solid-js'

const [conventionKeys, setConventionKeys] = createSignal<ReadonlySet<string>>(new Set())

export { conventionKeys, setConventionKeys }
