// The browser's own clipboard events (its Edit menu, a script's copy or paste) while the
// grid has the keyboard: the same block commands as Ctrl+C, Ctrl+X and Ctrl+V.
import { onCleanup, onMount } from 'solid-js'
import type { Commands } from '../app/commands'

/** Call while the grid component is set up; `grid` is its focusable element. */
export function listenToClipboardEvents(grid: () => HTMLElement, commands: Commands): void {
  onMount(() => {
    const onCopy = (e: ClipboardEvent) => { if (document.activeElement === grid()) void commands.block.copy(false, e) }
    const onCut = (e: ClipboardEvent) => { if (document.activeElement === grid()) void commands.block.copy(true, e) }
    const onPaste = (e: ClipboardEvent) => {
      if (document.activeElement !== grid() || !e.clipboardData) return
      e.preventDefault()
      void commands.block.paste(false, e.clipboardData.getData('text/plain'))
    }
    document.addEventListener('copy', onCopy)
    document.addEventListener('cut', onCut)
    document.addEventListener('paste', onPaste)
    onCleanup(() => {
      document.removeEventListener('copy', onCopy)
      document.removeEventListener('cut', onCut)
      document.removeEventListener('paste', onPaste)
    })
  })
}
