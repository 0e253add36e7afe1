// A context menu (right-click, Shift+F10, the ContextMenu key): a list of commands at a
// point, reachable by keyboard (arrows, Home/End, Enter, Escape, the underlined letter's
// first-letter jump) and closed by a click elsewhere. The grid decides the items.
import { For, Show, onCleanup, onMount } from 'solid-js'

export interface MenuItem {
  label: string
  /** The shortcut shown at the right (text only). */
  shortcut?: string
  disabled?: boolean
  run: () => void
}

export type MenuEntry = MenuItem | 'separator'

export interface ContextMenuProps {
  x: number
  y: number
  items: MenuEntry[]
  label: string
  onClose: () => void
}

export function ContextMenu(props: ContextMenuProps) {
  let menu!: HTMLDivElement
  const buttons = () => [...menu.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not([disabled])')]

  function focusAt(i: number): void {
    const list = buttons()
    if (list.length === 0) return
    list[(i + list.length) % list.length].focus()
  }

  function onKeyDown(e: KeyboardEvent): void {
    const list = buttons()
    const i = list.indexOf(document.activeElement as HTMLButtonElement)
    if (e.key === 'ArrowDown') focusAt(i + 1)
    else if (e.key === 'ArrowUp') focusAt(i - 1)
    else if (e.key === 'Home') focusAt(0)
    else if (e.key === 'End') focusAt(list.length - 1)
    else if (e.key === 'Escape' || e.key === 'Tab') props.onClose()
    else if (e.key.length === 1 && /\S/.test(e.key)) {
      const k = e.key.toLowerCase()
      const from = list.slice(i + 1).concat(list.slice(0, i + 1))
      from.find((b) => b.textContent?.trim().toLowerCase().startsWith(k))?.focus()
    } else return
    e.preventDefault()
    e.stopPropagation()
  }

  onMount(() => {
    // Keep the menu on screen.
    const r = menu.getBoundingClientRect()
    if (r.right > window.innerWidth) menu.style.left = `${Math.max(0, window.innerWidth - r.width - 4)}px`
    if (r.bottom > window.innerHeight) menu.style.top = `${Math.max(0, window.innerHeight - r.height - 4)}px`
    focusAt(0)
    const away = (e: MouseEvent) => {
      if (!menu.contains(e.target as Node)) props.onClose()
    }
    const blur = () => props.onClose()
    window.addEventListener('mousedown', away, true)
    window.addEventListener('blur', blur)
    onCleanup(() => {
      window.removeEventListener('mousedown', away, true)
      window.removeEventListener('blur', blur)
    })
  })

  return (
    <div
      ref={menu}
      class="context-menu"
      role="menu"
      aria-label={props.label}
      style={{ left: `${props.x}px`, top: `${props.y}px` }}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      <For each={props.items}>
        {(item) => (
          <Show when={item !== 'separator'} fallback={<div class="context-separator" role="separator" />}>
            <button
              type="button"
              role="menuitem"
              disabled={(item as MenuItem).disabled}
              onClick={() => {
                props.onClose()
                ;(item as MenuItem).run()
              }}
            >
              <span>{(item as MenuItem).label}</span>
              <Show when={(item as MenuItem).shortcut}>
                <span class="context-shortcut">{(item as MenuItem).shortcut}</span>
              </Show>
            </button>
          </Show>
        )}
      </For>
    </div>
  )
}
