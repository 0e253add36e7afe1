// The window title for an open workbook, the same in Electron's title bar and in the
// browser tab of `npm run web`: "name.gradsheet — Gradsheet", with a leading "● " while
// there are unsaved changes.

export const APP_NAME = 'Gradsheet'
export const MODIFIED_MARKER = '● '

export function documentTitle(state: { name: string; modified: boolean }): string {
  const name = state.name.trim() === '' ? 'Untitled' : state.name
  return `${state.modified ? MODIFIED_MARKER : ''}${name} — ${APP_NAME}`
}
