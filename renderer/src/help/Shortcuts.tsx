// The Help menu's keyboard shortcuts window.
import { For } from 'solid-js'
import { HelpWindow } from './HelpWindow'
import { SHORTCUTS } from './shortcuts'

export function Shortcuts() {
  return (
    <HelpWindow title="Keyboard shortcuts" label="Keyboard shortcuts">
      <table class="help-shortcuts">
        <tbody>
          <For each={SHORTCUTS}>{(s) => <tr><th scope="row"><kbd>{s.keys}</kbd></th><td>{s.what}</td></tr>}</For>
        </tbody>
      </table>
    </HelpWindow>
  )
}
