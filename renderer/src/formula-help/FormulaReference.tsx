// The Formula reference page: every function with its signature, one-line description
// and example, grouped, searchable. A non-modal panel (the sheet stays usable beside
// it): opened from the toolbar, Shift+F1 or Help › Formula Reference; Escape closes it
// and gives the focus back to where it was.
import { For, Show, createMemo, createSignal, onMount } from 'solid-js'
import { functionNames } from '../../../engine/functions/table'
import { referenceGroups } from './reference-entries'
import { setReferenceOpen } from './reference-state'
import '../formula-edit/formula-edit.css'

const NAMES = functionNames()

export function FormulaReference() {
  const [search, setSearch] = createSignal('')
  const groups = createMemo(() => referenceGroups(NAMES, search()))
  const count = () => groups().reduce((n, g) => n + g.entries.length, 0)
  let field!: HTMLInputElement
  const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null

  function close(): void {
    setReferenceOpen(false)
    if (returnTo?.isConnected) returnTo.focus()
    else document.getElementById('grid')?.focus()
  }

  onMount(() => field.focus())

  return (
    <aside
      class="formula-reference"
      role="dialog"
      aria-label="Formula reference"
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); close() } }}
    >
      <header class="reference-head">
        <strong>Formula reference</strong>
        <span class="muted">{count()} functions</span>
        <button type="button" class="reference-close" aria-label="Close formula reference" onClick={close}>×</button>
      </header>
      <input
        ref={field}
        class="reference-search"
        type="search"
        aria-label="Search functions"
        placeholder="Search: name or what it does (log, sum, loss…)"
        value={search()}
        onInput={(e) => setSearch(e.currentTarget.value)}
      />
      <div class="reference-body" tabindex="-1">
        <Show when={count() > 0} fallback={<p class="muted reference-empty">No function matches “{search()}”.</p>}>
          <For each={groups()}>
            {(g) => (
              <section aria-label={g.group}>
                <h3>{g.group}</h3>
                <dl>
                  <For each={g.entries}>
                    {(entry) => (
                      <div class="reference-entry" data-function={entry.name}>
                        <dt><code>{entry.signature}</code></dt>
                        <dd>
                          {entry.description}
                          <Show when={entry.example}><div class="reference-example"><code>{entry.example}</code></div></Show>
                        </dd>
                      </div>
                    )}
                  </For>
                </dl>
              </section>
            )}
          </For>
        </Show>
        <p class="muted reference-note">
          Operators: <code>+ − * / ^</code>, element-wise <code>.* ./ .^</code>, comparisons, <code>a ? b : c</code>.
          References: <code>A1</code>, <code>$A$1</code>, ranges <code>A1:B3</code>, other sheets <code>Sheet2!A1</code>, names.
          While typing: click a cell or use the arrow keys to insert its reference, F4 toggles <code>$</code>.
        </p>
      </div>
    </aside>
  )
}
