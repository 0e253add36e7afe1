// The paths a host may save a workbook to without asking: those the user picked in this
// run's Open/Save As dialogs (the web build's path prompt), files it opened, the FILE on
// the command line, and where recovered work was last saved. A renderer that asks to
// save anywhere else is refused, so a stale or confused path can never overwrite an
// unrelated file (issue 10, scenarios 1 and 2).
import { resolve } from 'node:path'

export interface PathGrants {
  grant(path: string): void
  allows(path: string): boolean
}

export function createPathGrants(): PathGrants {
  const granted = new Set<string>()
  return {
    grant: (path) => void granted.add(resolve(path)),
    allows: (path) => granted.has(resolve(path)),
  }
}

export const NOT_PICKED =
  'Gradsheet saves only to files chosen in this session (Open or Save As); use Save As to choose where to save.'
