// Which sheet names a workbook file may hold: the same rule the engine applies when a
// sheet is added or renamed, so every file loads into a workbook the app could have
// made. Sheet names are compared case-insensitively (`Data` and `data` are the same
// sheet to a formula), so two of them in one file are duplicates.

export const MAX_SHEET_NAME_LENGTH = 100

/** Null when `name` is a valid sheet name, otherwise why not, in words. */
export function sheetNameProblem(name: string): string | null {
  if (name.trim() === '') return 'a sheet name must not be empty'
  if (name.length > MAX_SHEET_NAME_LENGTH) return `a sheet name can have at most ${MAX_SHEET_NAME_LENGTH} characters`
  if (/[\u0000-\u001f:\\/?*[\]]/.test(name)) return 'a sheet name cannot contain control characters or any of : \\ / ? * [ ]'
  if (name !== name.trim()) return 'a sheet name cannot start or end with spaces'
  return null
}

/** The key two sheet names collide on. */
export function sheetNameKey(name: string): string {
  return name.toLowerCase()
}
