// Messages the user must see (an invalid file, a refused name): role="alert", dismissable.
import { Show } from 'solid-js'
import type { DocumentController } from '../app/document-controller'

export function AlertBanner(props: { ctl: DocumentController }) {
  return (
    <Show when={props.ctl.alert()}>
      {(message) => (
        <div class="alert" role="alert">
          <span>{message()}</span>
          <button type="button" class="alert-close" aria-label="Dismiss message" onClick={() => props.ctl.setAlert(null)}>×</button>
        </div>
      )}
    </Show>
  )
}
