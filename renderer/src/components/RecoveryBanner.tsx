// After a crash: "your unsaved work was recovered" with Keep and Discard.
import { Show } from 'solid-js'
import type { Recovery } from '../app/recovery'

export function RecoveryBanner(props: { recovery: Recovery }) {
  return (
    <Show when={props.recovery.recovered()}>
      {(file) => (
        <div class="recovery" role="region" aria-label="Recovered work">
          <span>
            Gradsheet closed without saving {file().name}. Your unsaved changes were recovered; they are not saved yet.
          </span>
          <button type="button" onClick={() => props.recovery.keep()}>Keep changes</button>
          <button type="button" onClick={() => void props.recovery.discard()}>Discard changes</button>
        </div>
      )}
    </Show>
  )
}
