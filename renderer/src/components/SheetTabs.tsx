// Sheet tabs: switch (click), rename (double-click), add (+), delete (× on the active tab).
import { For, Show, createSignal } from 'solid-js'
import type { Commands } from '../app/commands'
import type { SheetView } from '../app/sheet-view'
import type { WorkbookStore } from '../state/workbook-store'
import { focusGrid } from '../grid/Grid'

export function SheetTabs(props: { store: WorkbookStore; view: SheetView; commands: Commands }) {
  const { store, view, commands } = props
  const [renaming, setRenaming] = createSignal<string | null>(null)

  function finishRename(from: string, to: string): void {
    setRenaming(null)
    void commands.renameSheet(from, to)
    focusGrid()
  }

  return (
    <nav class="sheet-tabs" aria-label="Sheets">
      <div role="tablist" class="tab-list">
        <For each={store.sheets()}>
          {(sheet) => (
            <Show
              when={renaming() === sheet}
              fallback={
                <div class="tab" classList={{ active: view.activeSheet() === sheet }}>
                  <button
                    type="button"
                    role="tab"
                    aria-selected={view.activeSheet() === sheet}
                    data-sheet-tab={sheet}
                    title="Double-click to rename"
                    onClick={() => { view.select({ col: 0, row: 0 }, sheet); focusGrid() }}
                    onDblClick={() => setRenaming(sheet)}
                  >
                    {sheet}
                  </button>
                  <Show when={view.activeSheet() === sheet && store.sheets().length > 1}>
                    <button type="button" class="tab-delete" aria-label={`Delete sheet ${sheet}`} onClick={() => commands.deleteSheet(sheet)}>×</button>
                  </Show>
                </div>
              }
            >
              <input
                class="tab-rename"
                aria-label={`Rename sheet ${sheet}`}
                value={sheet}
                ref={(el) => queueMicrotask(() => { el.focus(); el.select() })}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') finishRename(sheet, e.currentTarget.value)
                  else if (e.key === 'Escape') { setRenaming(null); focusGrid() }
                }}
                onBlur={(e) => { if (renaming() === sheet) finishRename(sheet, e.currentTarget.value) }}
              />
            </Show>
          )}
        </For>
      </div>
      <button type="button" class="tab-add" aria-label="Add sheet" title="Add sheet" onClick={() => void commands.addSheet()}>+</button>
    </nav>
  )
}
