// The box under the formula being typed: the completion list (Up/Down, Tab/Enter to
// accept, Escape closes, or click) and the signature and description of the function
// under the caret, its current argument in bold.
import { For, Show } from 'solid-js'
import type { FormulaEditing } from './formula-editing'
import { signatureParts } from './signature'
import './formula-edit.css'

/** The tallest the box gets (list of 8 and two lines of help). */
const ASSIST_HEIGHT = 300

export function FormulaAssist(props: { editing: FormulaEditing }) {
  const fe = props.editing
  const position = () => {
    const r = fe.anchorRect()
    if (!r) return {}
    const left = `${Math.round(Math.max(0, Math.min(r.left, window.innerWidth - 480)))}px`
    // Near the bottom of the window the box opens upwards, so it never falls off-screen.
    if (r.bottom + ASSIST_HEIGHT > window.innerHeight) return { bottom: `${Math.round(window.innerHeight - r.top + 2)}px`, left }
    return { top: `${Math.round(r.bottom + 2)}px`, left }
  }
  return (
    <Show when={fe.assist()}>
      {(state) => (
        <div class="formula-assist" style={position()} onMouseDown={(e) => e.preventDefault()}>
          <Show when={state().items.length > 0}>
            <ul class="assist-list" role="listbox" aria-label="Completions">
              <For each={state().items}>
                {(item, i) => (
                  <li
                    role="option"
                    aria-selected={i() === state().index}
                    classList={{ active: i() === state().index }}
                    onMouseEnter={() => fe.highlight(i())}
                    onClick={() => fe.accept(i())}
                  >
                    <span class="assist-label">{item.label}</span>
                    <span class="assist-kind">{item.kind === 'function' ? 'ƒ' : item.kind === 'name' ? 'name' : 'const'}</span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <Show when={state().help}>
            {(shown) => (
              <div class="assist-help" role="note" aria-label="Function help">
                <div class="assist-signature">
                  <For each={signatureParts(shown().help.signature, shown().argIndex)}>
                    {(part) => (part.current ? <strong>{part.text}</strong> : <span>{part.text}</span>)}
                  </For>
                </div>
                <div class="assist-description">{shown().help.description}</div>
              </div>
            )}
          </Show>
        </div>
      )}
    </Show>
  )
}
