// The workbook named on the command line: `electron out/main/index.js FILE` in
// development, `gradsheet FILE` when packaged. Chromium/Electron switches are skipped.
import { resolve } from 'node:path'

export function fileFromCommandLine(argv: readonly string[], isPackaged: boolean, workingDirectory: string): string | null {
  // argv[0] is the executable; in development argv[1] is the app's entry script.
  const rest = argv.slice(isPackaged ? 1 : 2)
  const file = rest.find((arg) => arg !== '' && !arg.startsWith('-'))
  return file === undefined ? null : resolve(workingDirectory, file)
}
