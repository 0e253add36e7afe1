// The in-cell editor: the input drawn over the active cell while an edit started in the
// cell (not in the formula bar) is open. Enter/Tab commit and Escape cancels
// (model/key-actions editKeyAction); while a formula is typed, point mode, F4 and
// autocomplete see the keys first (formula-edit/formula-editing.ts).
import type { Commands } from '../app/commands'
import type { SheetView } from '../app/sheet-view'
import { editKeyAction } from '../model/key-actions'
import type { FormulaEditing } from '../formula-edit/formula-editing'
import { focusGrid } from './grid-focus'
import { ColouredFormula } from '../formula-edit/ColouredFormula'
import { Show } from 'solid-js'

export interface CellEditorProps {
  view: SheetView
  commands: Commands
  formulaEditing?: FormulaEditing
  /** Where the active cell is drawn in the grid's layer, and its size (px, at the current zoom). */
  top: number
  left: number
  width: number
  height: number
}

export function CellEditor(props: CellEditorProps) {
  const { view, commands } = props
  const cellEditing = () => view.editing()?.origin === 'cell'

  function onEditorKey(e: KeyboardEvent): void {
    const action = editKeyAction(e)
    if (action.type === 'none') return
    e.preventDefault()
    if (action.type === 'commit') commands.commitEdit(action.then)
    else commands.cancelEdit()
    focusGrid()
  }

  let editor: HTMLInputElement | undefined
  /** The formula has references: they are drawn coloured under the input (formula-edit/ColouredFormula.tsx). */
  const coloured = () => (props.formulaEditing?.colouring().spans.length ?? 0) > 0
  return (
    <>
    <Show when={coloured()}>
      <ColouredFormula input={() => editor} text={view.editing()?.text ?? ''} spans={props.formulaEditing!.colouring().spans} />
    </Show>
    <input
      class="cell-editor"
      classList={{ 'ref-coloured': coloured() }}
      aria-label={`Edit ${commands.selectedAddress()}`}
      spellcheck={false}
      autocomplete="off"
      style={{ top: `${props.top}px`, left: `${props.left}px`, width: `${Math.max(props.width, 220)}px`, height: `${props.height}px` }}
      value={view.editing()?.text ?? ''}
      ref={(el) => (editor = el, queueMicrotask(() => {
        el.focus({ preventScroll: true })
        el.setSelectionRange(el.value.length, el.value.length)
        props.formulaEditing?.attach(el)
      }))}
      onInput={(e) => {
        view.setEditing({ ...view.editing()!, origin: 'cell', text: e.currentTarget.value })
        props.formulaEditing?.handleInput()
      }}
      onKeyDown={(e) => { if (!props.formulaEditing?.handleKey(e)) onEditorKey(e) }}
      onKeyUp={() => props.formulaEditing?.handleCaretMove()}
      onClick={() => props.formulaEditing?.handleCaretMove()}
      onBlur={() => { if (cellEditing()) commands.commitEdit(null) }}
      onMouseDown={(e) => e.stopPropagation()}
    />
    </>
  )
}
