// Native open/save dialog options for workbooks and exports, and the extension each
// dialog's answer is given (a workbook is always .gradsheet).
import type { OpenDialogOptions, SaveDialogOptions } from 'electron'
import { join } from 'node:path'

const FILTERS = [
  { name: 'Gradsheet workbooks', extensions: ['gradsheet'] },
  { name: 'All files', extensions: ['*'] },
]

// excel helper: Open also reads Excel workbooks (node/xlsx), Save stays .gradsheet.
const OPEN_FILTERS = [{ name: 'Workbooks', extensions: ['gradsheet', 'xlsx'] }, { name: 'Excel workbooks', extensions: ['xlsx'] }, ...FILTERS]

export function openDialogOptions(defaultFolder: string | undefined): OpenDialogOptions {
  return { title: 'Open workbook', defaultPath: defaultFolder, properties: ['openFile'], filters: OPEN_FILTERS }
}

export function saveDialogOptions(defaultFolder: string | undefined, suggestedName: string): SaveDialogOptions {
  return {
    title: 'Save workbook as',
    defaultPath: defaultFolder ? join(defaultFolder, suggestedName) : suggestedName,
    filters: FILTERS.slice(0, 1),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  }
}

/** Save dialog for an exported graph: the filter follows the suggested name's extension. */
export function exportDialogOptions(defaultFolder: string | undefined, suggestedName: string): SaveDialogOptions {
  const png = /\.png$/i.test(suggestedName)
  return {
    title: 'Export graph',
    defaultPath: defaultFolder ? join(defaultFolder, suggestedName) : suggestedName,
    filters: [png ? { name: 'PNG image', extensions: ['png'] } : { name: 'SVG image', extensions: ['svg'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  }
}

/** Save dialog for File → Export as…: a Python module or an Excel workbook. */
export function workbookExportDialogOptions(defaultFolder: string | undefined, kind: 'pytorch' | 'numpy' | 'xlsx', suggestedName: string): SaveDialogOptions {
  return {
    title: kind === 'xlsx' ? 'Export as Excel workbook' : `Export as ${kind === 'pytorch' ? 'PyTorch' : 'NumPy'} module`,
    defaultPath: defaultFolder ? join(defaultFolder, suggestedName) : suggestedName,
    filters: [kind === 'xlsx' ? { name: 'Excel workbook', extensions: ['xlsx'] } : { name: 'Python module', extensions: ['py'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  }
}

/** Workbooks always carry the .gradsheet extension (the save path check requires it). */
export function withWorkbookExtension(path: string): string {
  return /\.gradsheet$/i.test(path) ? path : `${path}.gradsheet`
}

/** An exported graph keeps the suggested name's extension (.svg, .png) when the dialog's answer lacks it. */
export function withSuggestedExtension(path: string, suggestedName: string): string {
  const ext = suggestedName.slice(suggestedName.lastIndexOf('.'))
  return path.toLowerCase().endsWith(ext.toLowerCase()) ? path : path + ext
}
