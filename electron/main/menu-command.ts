// Recognises a MenuCommand (bridge/api.ts), so the preload forwards only well-formed
// commands to the page.
import type { MenuCommand } from '../../bridge/api'

const SIMPLE_COMMANDS: ReadonlySet<string> = new Set([
  'new', 'open', 'save', 'saveAs', 'close',
  'undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll',
  'toggleGradients', 'zoomIn', 'zoomOut', 'zoomReset',
  'toggleGraph', 'exportGraphSvg', 'exportGraphPng', 'exportAs',
  'formulaReference', 'about',
])

export function isMenuCommand(value: unknown): value is MenuCommand {
  if (typeof value === 'string') return SIMPLE_COMMANDS.has(value)
  if (typeof value !== 'object' || value === null) return false
  const keys = Object.keys(value)
  if (keys.length !== 1) return false
  const record = value as Record<string, unknown>
  if (keys[0] === 'example') return typeof record.example === 'string'
  if (keys[0] === 'openRecent') return typeof record.openRecent === 'string'
  return false
}
