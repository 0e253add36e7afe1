// Messages the user must see (an invalid file, a refused name): role="alert", dismissable.
// A success worth a word (an export written) is a notice instead: role="status", calm
// colours, dismissable (NoticeBanner) — a success in the red alert bar reads as a failure.
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

export function NoticeBanner(props: { ctl: DocumentController }) {
  return (
    <Show when={props.ctl.notice()}>
      {(message) => (
        <div class="notice" role="status" aria-live="polite" aria-label="Notice">
          <span>{message()}</span>
          <button type="button" class="alert-close" aria-label="Dismiss notice" onClick={() => props.ctl.setNotice(null)}>×</button>
        </div>
      )}
    </Show>
  )
}
