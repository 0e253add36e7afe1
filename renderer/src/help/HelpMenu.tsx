// The toolbar's Help menu: the formula reference (a hook, help-state.ts
// registerHelpCommand('openFormulaReference', …), that page's opener), keyboard shortcuts,
// the legend and the guided tour, plus the help windows themselves.
import { For, Match, Show, Switch, createSignal, onCleanup, onMount } from 'solid-js'
import type { Commands } from '../app/commands'
import type { DocumentController } from '../app/document-controller'
import type { SheetView } from '../app/sheet-view'
import { helpWindow, runHelpCommand, setHelpWindow } from './help-state'
import { Legend } from './Legend'
import { Shortcuts } from './Shortcuts'
import { Tour } from './Tour'
import './help.css'

export function HelpMenu(props: { ctl: DocumentController; view: SheetView; commands: Commands }) {
  const [open, setOpen] = createSignal(false)
  let root!: HTMLDivElement
  const items: { label: string; run: () => void }[] = [
    // The formula reference page registers 'openFormulaReference'; until then the host's menu command is sent.
    { label: 'Formula reference', run: () => void (runHelpCommand('openFormulaReference') || props.commands.runMenuCommand('formulaReference')) },
    { label: 'Keyboard shortcuts', run: () => setHelpWindow('shortcuts') },
    { label: 'Legend', run: () => setHelpWindow('legend') },
    { label: 'Guided tour', run: () => setHelpWindow('tour') },
  ]
  onMount(() => {
    const away = (e: PointerEvent) => {
      if (!root.contains(e.target as Node)) setOpen(false)
    }
    window.addEventListener('pointerdown', away)
    onCleanup(() => window.removeEventListener('pointerdown', away))
  })
  const choose = (run: () => void) => {
    setOpen(false)
    run()
  }
  return (
    <div class="help-menu" ref={root}>
      <button type="button" aria-haspopup="menu" aria-expanded={open()} onClick={() => setOpen(!open())} onKeyDown={(e) => e.key === 'ArrowDown' && (setOpen(true), queueMicrotask(() => (root.querySelector('[role="menuitem"]') as HTMLElement | null)?.focus()))}>
        Help
      </button>
      <Show when={open()}>
        <div class="help-items" role="menu" aria-label="Help">
          <For each={items}>
            {(item, i) => (
              <button
                type="button"
                role="menuitem"
                onClick={() => choose(item.run)}
                onKeyDown={(e) => {
                  const all = [...root.querySelectorAll<HTMLElement>('[role="menuitem"]')]
                  if (e.key === 'ArrowDown') all[(i() + 1) % all.length].focus()
                  else if (e.key === 'ArrowUp') all[(i() + all.length - 1) % all.length].focus()
                  else if (e.key === 'Escape') setOpen(false)
                  else return
                  e.preventDefault()
                }}
              >
                {item.label}
              </button>
            )}
          </For>
        </div>
      </Show>
      <Switch>
        <Match when={helpWindow() === 'legend'}><Legend /></Match>
        <Match when={helpWindow() === 'shortcuts'}><Shortcuts /></Match>
        <Match when={helpWindow() === 'tour'}><Tour ctl={props.ctl} view={props.view} /></Match>
      </Switch>
    </div>
  )
}

/** The status bar's one-click way to the legend. */
export function LegendLink() {
  return (
    <button type="button" class="legend-link" aria-pressed={helpWindow() === 'legend'} title="What the values, ∂ chips and badges mean" onClick={() => setHelpWindow(helpWindow() === 'legend' ? null : 'legend')}>
      Legend
    </button>
  )
}
