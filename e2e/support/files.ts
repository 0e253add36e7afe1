// Workbook files for a test: copies of the shipped examples and hand-made ones, in a
// fresh temporary folder so tests never touch the repository's files.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { repoRoot } from './target'

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'gradsheet-e2e-files-'))
}

export function emptyWorkbook(dir = tempDir()): string {
  const path = join(dir, 'empty.gradsheet')
  const doc = { format: 'gradsheet', version: 1, objective: null, sheets: [{ name: 'Sheet1', cells: {} }] }
  writeFileSync(path, JSON.stringify(doc, null, 2))
  return path
}

export function copyExample(name: string, dir = tempDir()): string {
  const path = join(dir, name)
  copyFileSync(join(repoRoot, 'examples', name), path)
  return path
}

export function writeText(name: string, text: string, dir = tempDir()): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

/** name → address on the first sheet, read from the file itself (not from the app). */
export function namedAddresses(path: string): (name: string) => string {
  const doc = JSON.parse(readFileSync(path, 'utf8'))
  const map = new Map<string, string>()
  for (const [address, cell] of Object.entries(doc.sheets[0].cells as Record<string, { name?: string }>)) {
    if (cell.name) map.set(cell.name, address)
  }
  return (name) => {
    const address = map.get(name)
    if (!address) throw new Error(`${path} has no cell named ${name}`)
    return address
  }
}
