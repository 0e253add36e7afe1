// The toolbar's Open Recent menu ("Recent ▾", beside Open…): the page's own File → Open
// Recent, since a browser tab (`npm run web`) has no native menu. It reads the host's list each time it opens (so it
// shows what the last open, save or refused open left, in this tab or another), lists
// each file by name with its full path, and opens the one picked through the same
// command as the desktop menu's item. Keyboard: ArrowDown opens it, ↑/↓ move, Escape closes.
import { For, Show, createSignal, onCleanup, onMount } from 'solid-js'
import type { GradsheetBridge } from '../../../bridge/api'
import { fileNameOf } from '../../../bridge/file-name'
import type { Commands } from './commands'
import './open-recent.css'

export function OpenRecentMenu(props: { bridge: GradsheetBridge; commands: Commands }) {
  const [open, setOpen] = createSignal(false)
  /** null while the list is being read. */
  const [files, setFiles] = createSignal<string[] | null>(null)
  let root!: HTMLDivElement
  let reads = 0

  async function show(focusFirst: boolean): Promise<void> {
    const read = ++reads
    setFiles(null)
    setOpen(true)
    const list = await props.bridge.recentFiles().catch(() => [])
    if (read !== reads) return
    setFiles(list)
    if (focusFirst) queueMicrotask(() => root.querySelector<HTMLElement>('[role="menuitem"]')?.focus())
  }

  onMount(() => {
    const away = (e: PointerEvent) => {
      if (!root.contains(e.target as Node)) setOpen(false)
    }
    window.addEventListener('pointerdown', away)
    onCleanup(() => window.removeEventListener('pointerdown', away))
  })

  const choose = (path: string) => {
    setOpen(false)
    props.commands.openRecent(path)
  }

  const moveFocus = (e: KeyboardEvent, index: number) => {
    const all = [...root.querySelectorAll<HTMLElement>('[role="menuitem"]')]
    if (e.key === 'ArrowDown') all[(index + 1) % all.length]?.focus()
    else if (e.key === 'ArrowUp') all[(index + all.length - 1) % all.length]?.focus()
    else if (e.key === 'Escape') setOpen(false)
    else return
    e.preventDefault()
  }

  return (
    <div class="open-recent" ref={root}>
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open()}
        title="Open Recent: a workbook opened or saved recently"
        onClick={() => (open() ? setOpen(false) : void show(false))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') void show(true)
          else if (e.key === 'Escape') setOpen(false)
          else return
          e.preventDefault()
        }}
      >
        Recent ▾
      </button>
      <Show when={open()}>
        <div class="open-recent-items" role="menu" aria-label="Open Recent">
          <Show when={files() !== null} fallback={<span class="open-recent-note">Reading the list…</span>}>
            <Show when={files()!.length > 0} fallback={<span class="open-recent-note">No recent files</span>}>
              <For each={files()!}>
                {(path, i) => (
                  <button type="button" role="menuitem" title={path} onClick={() => choose(path)} onKeyDown={(e) => moveFocus(e, i())}>
                    <span class="open-recent-name">{fileNameOf(path)}</span>
                    <span class="open-recent-path">{path}</span>
                  </button>
                )}
              </For>
            </Show>
          </Show>
        </div>
      </Show>
    </div>
  )
}
