// The frame of every help window: a non-modal dialog at the top right (the sheet stays
// usable beside it), closed with × or Escape.
import type { JSX } from 'solid-js'
import { onCleanup, onMount } from 'solid-js'
import { setHelpWindow } from './help-state'

export function HelpWindow(props: { title: string; label: string; children: JSX.Element; footer?: JSX.Element; class?: string }) {
  let box!: HTMLElement
  onMount(() => {
    box.focus()
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && box.contains(document.activeElement)) setHelpWindow(null)
    }
    window.addEventListener('keydown', onKey)
    onCleanup(() => window.removeEventListener('keydown', onKey))
  })
  return (
    <section ref={box} class={`help-window ${props.class ?? ''}`} role="dialog" aria-label={props.label} tabindex={-1}>
      <header class="help-head">
        <strong>{props.title}</strong>
        <button type="button" class="help-close" aria-label={`Close ${props.label.toLowerCase()}`} onClick={() => setHelpWindow(null)}>×</button>
      </header>
      <div class="help-body">{props.children}</div>
      {props.footer}
    </section>
  )
}
