// What the numbers mean: a cell's value, the ∂J/∂cell chip (colour = sign, strength =
// size relative to the largest |∂J/∂cell| on a log scale), and the θ, J and c badges.
// The chips are drawn with the grid's own colour function, so the legend cannot drift.
import { For } from 'solid-js'
import { gradTone, toneColours } from '../model/gradient-colour'
import { HelpWindow } from './HelpWindow'

const SCALE = [1, 1e-1, 1e-2, 1e-4, 1e-6]

function Chip(props: { grad: number; text: string }) {
  const tone = () => toneColours(gradTone(props.grad, 1))
  return (
    <span class="cell-grad legend-chip" style={{ color: tone().text, 'background-color': tone().background }}>
      <span class="grad-mark">∂</span>
      {props.text}
    </span>
  )
}

export function Legend() {
  return (
    <HelpWindow title="Legend" label="Legend">
      <dl class="legend">
        <dt><span class="legend-value">81</span></dt>
        <dd><b>Value</b>: what the cell computes (its formula's result, or the number typed in).</dd>
        <dt><Chip grad={216} text="216" /></dt>
        <dd><b>∂J/∂cell</b>: how J changes when this cell changes, all else fixed. 216 means raising the cell by 0.01 raises J by about 2.16. Hover a chip to read it in words.</dd>
        <dt>
          <Chip grad={1} text="+" /> <Chip grad={-1} text="−" /> <span class="legend-zero">∂ 0</span>
        </dt>
        <dd><b>Colour</b>: red when raising the cell raises J, blue when it lowers J, grey when J does not depend on it.</dd>
        <dt class="legend-scale" data-legend-scale>
          <For each={SCALE}>{(g) => <Chip grad={g} text={g === 1 ? 'max' : g.toExponential(0)} />}</For>
        </dt>
        <dd><b>Strength</b>: relative to the largest |∂J/∂cell| in the workbook, on a log scale: full colour for the largest, fading over six powers of ten.</dd>
        <dt><span class="badge badge-param">θ</span></dt>
        <dd><b>Parameter</b>: a cell the optimizer may change (Train…). Mark one with the Parameter button.</dd>
        <dt><span class="badge badge-objective">J</span></dt>
        <dd><b>Objective</b>: the cell every gradient is taken of (the cell named J, or Set as objective). The status bar shows its value.</dd>
        <dt><span class="badge badge-convention">c</span></dt>
        <dd><b>Convention</b>: the function is not differentiable here (abs at 0, a max tie, a branch…); a fixed, documented convention was used. The graph’s inspector says which.</dd>
      </dl>
    </HelpWindow>
  )
}
