// Gives the keyboard back to the grid (after an edit, a header click, a sheet tab, the
// formula bar's Enter), without scrolling. Its own module so the grid's parts can call it
// without importing Grid.tsx, which re-exports it for the rest of the app.
export function focusGrid(): void {
  document.getElementById('grid')?.focus({ preventScroll: true })
}
