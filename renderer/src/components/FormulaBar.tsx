// The name box (go to an address or name, or name the selected cell) and the formula
// bar (edit the selected cell's input; its title holds the full-precision value).
import { Show, createEffect, createSignal } from 'solid-js'
import type { Commands } from '../app/commands'
import type { SheetView } from '../app/sheet-view'
import { exactGrad, exactValue } from '../model/format'
import { focusGrid } from '../grid/Grid'
import type { FormulaEditing } from '../formula-edit/formula-editing'
import { ColouredFormula } from '../formula-edit/ColouredFormula'

export function FormulaBar(props: { view: SheetView; commands: Commands; formulaEditing: FormulaEditing }) {
  const { view, commands } = props
  const fe = props.formulaEditing
  const [nameText, setNameText] = createSignal('')
  const shownName = () => commands.selectionLabel() // edit-ui: the name, the address, or the selected range (A1:C4)
  // While the user types in the name box, an update of the selected cell (a training step,
  // views pulled behind a large edit) re-runs the label; it must not overwrite their text.
  let typingName = false
  createEffect(() => {
    const label = shownName()
    if (!typingName) setNameText(label)
  })

  const barEditing = () => view.editing()?.origin === 'formulaBar'
  let barInput: HTMLInputElement | undefined
  /** The formula typed here has references: they are drawn coloured under the input (formula-edit/ColouredFormula.tsx). */
  const coloured = () => barEditing() && fe.colouring().spans.length > 0
  const barValue = () => {
    const session = view.editing()
    return session ? session.text : (commands.selectedCell()?.input ?? '')
  }
  const barTitle = () => {
    const cell = commands.selectedCell()
    if (!cell) return 'Empty cell'
    if (cell.value.kind === 'error') return `${cell.value.error.code} ${cell.value.error.message}`
    const parts = [`value = ${exactValue(cell.value) ?? '—'}`]
    const g = exactGrad(cell.grad)
    if (g !== undefined) parts.push(`∂J/∂cell = ${g}`)
    else if (cell.grad.kind === 'unavailable') parts.push(`∂J/∂cell unavailable: ${cell.grad.reason}`)
    return parts.join('   ')
  }

  return (
    <div class="formula-row">
      <input
        class="name-box"
        aria-label="Name box"
        spellcheck={false}
        autocomplete="off"
        value={nameText()}
        onInput={(e) => setNameText(e.currentTarget.value)}
        onFocus={(e) => {
          typingName = true
          e.currentTarget.select()
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault()
            if (commands.nameBoxEnter(nameText())) focusGrid()
            setNameText(shownName())
          } else if (e.key === 'Escape') {
            setNameText(shownName())
            focusGrid()
          }
        }}
        onBlur={() => {
          typingName = false
          setNameText(shownName())
        }}
      />
      <span class="fx" aria-hidden="true">ƒx</span>
      <Show when={coloured()}>
        <ColouredFormula input={() => barInput} text={view.editing()?.text ?? ''} spans={fe.colouring().spans} />
      </Show>
      <input
        class="formula-bar"
        ref={barInput}
        classList={{ 'ref-coloured': coloured() }}
        role="textbox"
        aria-label="Formula bar"
        spellcheck={false}
        autocomplete="off"
        title={barTitle()}
        value={barValue()}
        onFocus={(e) => {
          const session = view.editing()
          if (!session) commands.beginEdit('formulaBar')
          else view.setEditing({ ...session, origin: 'formulaBar' })
          fe.attach(e.currentTarget)
        }}
        onInput={(e) => {
          const text = e.currentTarget.value
          const session = view.editing()
          if (session) view.setEditing({ ...session, origin: 'formulaBar', text })
          else view.setEditing({ origin: 'formulaBar', text, initial: commands.selectedCell()?.input ?? '', sheet: view.activeSheet(), pos: view.selection() })
          fe.handleInput()
        }}
        onKeyUp={() => fe.handleCaretMove()}
        onClick={() => fe.handleCaretMove()}
        onKeyDown={(e) => {
          if (fe.handleKey(e)) return
          // Nothing typed: Tab just moves the focus on (to the grid, or back to the name box).
          const session = view.editing()
          if (e.key === 'Tab' && (!session || session.text === session.initial)) return
          if (e.key === 'Enter' || e.key === 'Tab') {
            e.preventDefault()
            commands.commitEdit(e.key === 'Tab' ? (e.shiftKey ? 'left' : 'right') : e.shiftKey ? 'up' : 'down')
            focusGrid()
          } else if (e.key === 'Escape') {
            e.preventDefault()
            commands.cancelEdit()
            focusGrid()
          }
        }}
        onBlur={() => { if (barEditing()) commands.commitEdit(null) }}
      />
    </div>
  )
}
