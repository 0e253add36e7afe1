import { describe, expect, it } from 'vitest'
import { workbookWindowOptions } from './window-options'

describe('workbook window options', () => {
  const options = workbookWindowOptions('/app/out/preload/index.cjs')
  const prefs = options.webPreferences!

  it('isolates the page from Node and Electron', () => {
    expect(prefs.contextIsolation).toBe(true)
    expect(prefs.sandbox).toBe(true)
    expect(prefs.nodeIntegration).toBe(false)
    expect(prefs.nodeIntegrationInWorker).toBe(false)
    expect(prefs.nodeIntegrationInSubFrames).toBe(false)
  })

  it('keeps web security on and the risky features off', () => {
    expect(prefs.webSecurity).toBe(true)
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.experimentalFeatures).toBe(false)
    expect(prefs.webviewTag).toBe(false)
    expect(prefs.navigateOnDragDrop).toBe(false)
  })

  it('loads the sandboxed CommonJS preload it was given', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs')
    expect(prefs.preload!.endsWith('.cjs')).toBe(true)
  })

  it('shows the window only once it has painted', () => {
    expect(options.show).toBe(false)
  })
})
