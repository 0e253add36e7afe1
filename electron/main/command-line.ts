// The workbook named on the command line: `electron [switches] out/main/index.js FILE` in
// development, `gradsheet FILE` when packaged. Chromium/Node switches (which launchers
// such as Playwright put before the entry script) are skipped wherever they appear.
import { resolve } from 'node:path'

export function fileFromCommandLine(argv: readonly string[], isPackaged: boolean, workingDirectory: string): string | null {
  // argv[0] is the executable; in development the first plain argument is the entry script.
  const plain = argv.slice(1).filter((arg) => arg !== '' && !arg.startsWith('-'))
  if (!isPackaged) plain.shift()
  return plain[0] === undefined ? null : resolve(workingDirectory, plain[0])
}
