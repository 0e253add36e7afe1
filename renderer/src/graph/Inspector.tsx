// The chain-rule inspector for the selected cell: formula with numbers, value, gradient,
// ∂J/∂c = Σ ∂J/∂k · ∂k/∂c with every term a link, the local partials of its own formula,
// convention notes, and for an error the path back to its first cause.
import { For, Show } from 'solid-js'
import type { Explanation } from '../../../engine/explain/types'
import { formatGrad, formatValue } from '../model/format'

export function Inspector(props: { explanation: Explanation | null; selectedKey: string; onSelect(key: string): void; ref?: (el: HTMLElement) => void }) {
  const link = (key: string, text: string) => (
    <button type="button" class="graph-link" data-link={key} onClick={() => props.onSelect(key)}>{text}</button>
  )
  return (
    <section class="graph-inspector" aria-label="Chain-rule inspector" tabindex={-1} ref={props.ref}>
      <Show when={props.explanation} fallback={<p class="graph-muted">{props.selectedKey.split('!').pop()} is empty and no formula reads it. Select a cell to see how its gradient is made.</p>}>
        {(x) => (
          <>
            <h3>
              {x().label} <span class="graph-muted">{x().key}</span>
            </h3>
            <Show when={x().input !== ''}>
              <div class="graph-formula">
                <code>{x().input}</code>
                <Show when={x().substituted}>
                  <span class="graph-muted"> = </span>
                  <code data-substituted>{x().substituted}</code>
                </Show>
              </div>
            </Show>
            <dl class="graph-facts">
              <dt>value</dt>
              <dd data-role="value">{formatValue(x().value) || 'empty'}{x().value.kind === 'error' ? ` — ${(x().value as { error: { message: string } }).error.message}` : ''}</dd>
              <dt>∂J/∂{x().label}</dt>
              <dd data-role="grad">{formatGrad(x().grad) || (x().grad.kind === 'unavailable' ? (x().grad as { reason: string }).reason : 'none')}</dd>
            </dl>
            <h4>Chain rule</h4>
            <p class="graph-chain" data-chain>{x().chainText}</p>
            <Show when={x().terms.length > 0}>
              <ul class="graph-terms">
                <For each={x().terms.slice(0, 50)}>{(t) => <li data-term={t.user}>{link(t.user, t.userLabel)} <code>{t.text}</code></li>}</For>
                <Show when={x().terms.length > 50}><li class="graph-muted">… {x().terms.length - 50} more</li></Show>
              </ul>
            </Show>
            <Show when={x().partials.length > 0}>
              <h4>Local partials of its formula</h4>
              <ul class="graph-terms">
                <For each={x().partials.slice(0, 50)}>{(p) => <li data-partial-of={p.input}>{link(p.input, p.inputLabel)} <code>{p.text}</code></li>}</For>
              </ul>
            </Show>
            <Show when={x().notes.length > 0}>
              <h4>Conventions used here</h4>
              <ul class="graph-notes">
                <For each={x().notes}>{(n) => <li data-note>{n}</li>}</For>
              </ul>
            </Show>
            <Show when={x().errorPath.length > 0}>
              <h4>Where the error comes from</h4>
              <p data-error-path>
                <For each={x().errorPath}>{(k, i) => <>{i() > 0 ? ' ← ' : ''}{link(k, k.split('!').pop()!)}</>}</For>
              </p>
            </Show>
          </>
        )}
      </Show>
    </section>
  )
}
