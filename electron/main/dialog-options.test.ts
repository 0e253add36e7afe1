// The native dialogs' options and the extensions their answers are given: a workbook is
// always saved as .gradsheet, an exported graph keeps its suggested extension, and each
// dialog starts in the folder it is given.
import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { saveDialogOptions, withSuggestedExtension, withWorkbookExtension } from './dialog-options'

describe('dialog answers', () => {
  it('gives a workbook the .gradsheet extension unless it has it (any case)', () => {
    expect(withWorkbookExtension('/w/model')).toBe('/w/model.gradsheet')
    expect(withWorkbookExtension('/w/model.GRADSHEET')).toBe('/w/model.GRADSHEET')
  })
  it('gives an exported graph the suggested name’s extension unless it has it (any case)', () => {
    expect(withSuggestedExtension('/w/graph', 'model-graph.svg')).toBe('/w/graph.svg')
    expect(withSuggestedExtension('/w/graph.PNG', 'model-graph.png')).toBe('/w/graph.PNG')
    expect(withSuggestedExtension('/w/graph.svg', 'model-graph.png')).toBe('/w/graph.svg.png')
  })
  it('starts the save dialog in the given folder with the suggested name', () => {
    expect(saveDialogOptions('/w', 'model.gradsheet').defaultPath).toBe(join('/w', 'model.gradsheet'))
  })
})
