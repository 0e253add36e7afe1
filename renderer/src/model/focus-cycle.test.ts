// F6's cycle order and the shortcut table the toolbar and docs rely on.
import { describe, expect, it } from 'vitest'
import { nextRegion } from './focus-cycle'
import { SHORTCUTS, keysOf, shortcutFor } from './shortcuts'

const key = (k: string, mods: Partial<{ ctrlKey: boolean; altKey: boolean; shiftKey: boolean; metaKey: boolean }> = {}) =>
  ({ key: k, ctrlKey: false, altKey: false, shiftKey: false, metaKey: false, ...mods })

describe('F6 cycles the regions', () => {
  const always = ['grid', 'formulaBar', 'nameBox', 'toolbar'] as const

  it('grid → formula bar → name box → toolbar → grid', () => {
    const seen = [nextRegion('grid', always, false)]
    while (seen[seen.length - 1] !== 'grid') seen.push(nextRegion(seen[seen.length - 1], always, false))
    expect(seen).toEqual(['formulaBar', 'nameBox', 'toolbar', 'grid'])
  })

  it('open panels come after the toolbar; Shift+F6 goes backwards', () => {
    const present = [...always, 'training', 'reference'] as const
    expect(nextRegion('toolbar', present, false)).toBe('training')
    expect(nextRegion('training', present, false)).toBe('reference')
    expect(nextRegion('reference', present, false)).toBe('grid')
    expect(nextRegion('grid', present, true)).toBe('reference')
    expect(nextRegion('formulaBar', present, true)).toBe('grid')
  })

  it('from nowhere (focus on the page body) F6 goes to the grid', () => {
    expect(nextRegion(null, always, false)).toBe('grid')
    expect(nextRegion(null, always, true)).toBe('toolbar')
  })
})

describe('shortcuts', () => {
  it('every toolbar command has one, and no two share keys', () => {
    for (const command of ['newWorkbook', 'open', 'save', 'saveAs', 'undo', 'redo', 'setObjective', 'toggleParam', 'toggleTraining',
      'toggleData', 'toggleSensitivity', 'toggleGraph', 'toggleGradients', 'zoomIn', 'zoomOut', 'zoomReset', 'formulaReference'] as const)
      expect(keysOf(command), command).not.toBe('')
    const keys = SHORTCUTS.map((s) => s.keys)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('maps key presses, Cmd as Ctrl, and keeps letters for typing in fields', () => {
    expect(shortcutFor(key('F6'), true)).toBe('nextRegion')
    expect(shortcutFor(key('F6', { shiftKey: true }), false)).toBe('previousRegion')
    expect(shortcutFor(key('F1', { shiftKey: true }), true)).toBe('formulaReference')
    expect(shortcutFor(key('j', { ctrlKey: true, altKey: true }), false)).toBe('setObjective')
    expect(shortcutFor(key('J', { metaKey: true, altKey: true }), false)).toBe('setObjective')
    expect(shortcutFor(key('j', { ctrlKey: true, altKey: true }), true)).toBeNull()
    expect(shortcutFor(key('j', { ctrlKey: true }), false)).toBeNull()
    expect(shortcutFor(key('s', { ctrlKey: true }), false)).toBeNull() // handled by App's own handler
  })
})
