import { describe, expect, it } from 'vitest'
import { editKeyAction, gridKeyAction, type KeyInput } from './key-actions'

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods })

describe('grid keys', () => {
  it('moves with arrows, Enter/Shift+Enter, Tab/Shift+Tab', () => {
    expect(gridKeyAction(key('ArrowLeft'))).toEqual({ type: 'move', dir: 'left' })
    expect(gridKeyAction(key('Enter'))).toEqual({ type: 'move', dir: 'down', via: 'enter' })
    expect(gridKeyAction(key('Enter', { shiftKey: true }))).toEqual({ type: 'move', dir: 'up', via: 'enter' })
    expect(gridKeyAction(key('Tab'))).toEqual({ type: 'move', dir: 'right', via: 'tab' })
    expect(gridKeyAction(key('Tab', { shiftKey: true }))).toEqual({ type: 'move', dir: 'left', via: 'tab' })
  })
  it('extends the selection with Shift+arrows and Ctrl+Shift+arrows; Ctrl+A selects all', () => {
    expect(gridKeyAction(key('ArrowDown', { shiftKey: true }))).toEqual({ type: 'extend', dir: 'down' })
    expect(gridKeyAction(key('ArrowRight', { shiftKey: true, ctrlKey: true }))).toEqual({ type: 'extendJump', dir: 'right' })
    expect(gridKeyAction(key('a', { ctrlKey: true }))).toEqual({ type: 'selectAll' })
    expect(gridKeyAction(key(' ', { ctrlKey: true }))).toEqual({ type: 'selectColumn' })
    expect(gridKeyAction(key(' ', { shiftKey: true }))).toEqual({ type: 'selectRow' })
    expect(gridKeyAction(key(' '))).toEqual({ type: 'startTyping', text: ' ' })
  })
  it('fills, pastes values, goes to the last cell, inserts and deletes, opens the context menu', () => {
    expect(gridKeyAction(key('d', { ctrlKey: true }))).toEqual({ type: 'fill', dir: 'down' })
    expect(gridKeyAction(key('r', { metaKey: true }))).toEqual({ type: 'fill', dir: 'right' })
    expect(gridKeyAction(key('V', { ctrlKey: true, shiftKey: true }))).toEqual({ type: 'pasteValues' })
    expect(gridKeyAction(key('End', { ctrlKey: true }))).toEqual({ type: 'end' })
    expect(gridKeyAction(key('+', { ctrlKey: true, shiftKey: true }))).toEqual({ type: 'insert' })
    expect(gridKeyAction(key('-', { ctrlKey: true }))).toEqual({ type: 'delete', wholeOnly: true })
    expect(gridKeyAction(key('=', { ctrlKey: true, altKey: true }))).toEqual({ type: 'insert' })
    expect(gridKeyAction(key('-', { ctrlKey: true, altKey: true }))).toEqual({ type: 'delete', wholeOnly: false })
    expect(gridKeyAction(key('F10', { shiftKey: true }))).toEqual({ type: 'contextMenu' })
    expect(gridKeyAction(key('ContextMenu'))).toEqual({ type: 'contextMenu' })
    expect(gridKeyAction(key('Escape'))).toEqual({ type: 'escape' })
  })
  it('Shift with PageDown, Home, Ctrl+Home and Ctrl+End extends the selection', () => {
    expect(gridKeyAction(key('PageDown', { shiftKey: true }))).toEqual({ type: 'page', dir: 'down', extend: true })
    expect(gridKeyAction(key('Home', { shiftKey: true }))).toEqual({ type: 'home', toOrigin: false, extend: true })
    expect(gridKeyAction(key('Home', { shiftKey: true, ctrlKey: true }))).toEqual({ type: 'home', toOrigin: true, extend: true })
    expect(gridKeyAction(key('End', { shiftKey: true, ctrlKey: true }))).toEqual({ type: 'end', extend: true })
    expect(gridKeyAction(key('PageUp'))).toEqual({ type: 'page', dir: 'up' })
  })
  it('jumps with Ctrl or Cmd + arrow', () => {
    expect(gridKeyAction(key('ArrowDown', { ctrlKey: true }))).toEqual({ type: 'jump', dir: 'down' })
    expect(gridKeyAction(key('ArrowRight', { metaKey: true }))).toEqual({ type: 'jump', dir: 'right' })
  })
  it('undoes and redoes with Ctrl/Cmd+Z, Ctrl+Y and Ctrl+Shift+Z', () => {
    expect(gridKeyAction(key('z', { ctrlKey: true }))).toEqual({ type: 'undo' })
    expect(gridKeyAction(key('z', { metaKey: true }))).toEqual({ type: 'undo' })
    expect(gridKeyAction(key('y', { ctrlKey: true }))).toEqual({ type: 'redo' })
    expect(gridKeyAction(key('Z', { ctrlKey: true, shiftKey: true }))).toEqual({ type: 'redo' })
  })
  it('starts editing on a printable character, F2 edits, Delete/Backspace clear', () => {
    expect(gridKeyAction(key('='))).toEqual({ type: 'startTyping', text: '=' })
    expect(gridKeyAction(key('7'))).toEqual({ type: 'startTyping', text: '7' })
    expect(gridKeyAction(key('F2'))).toEqual({ type: 'edit' })
    expect(gridKeyAction(key('Delete'))).toEqual({ type: 'clear' })
    expect(gridKeyAction(key('Backspace'))).toEqual({ type: 'clear' })
    expect(gridKeyAction(key('Shift'))).toEqual({ type: 'none' })
    expect(gridKeyAction(key('s', { ctrlKey: true }))).toEqual({ type: 'none' })
  })
  it('copies, cuts and pastes the selected cell input with Ctrl/Cmd+C, X, V', () => {
    expect(gridKeyAction(key('c', { ctrlKey: true }))).toEqual({ type: 'clipboard', command: 'copy' })
    expect(gridKeyAction(key('x', { metaKey: true }))).toEqual({ type: 'clipboard', command: 'cut' })
    expect(gridKeyAction(key('v', { ctrlKey: true }))).toEqual({ type: 'clipboard', command: 'paste' })
  })
})

describe('editor keys', () => {
  it('commits with Enter/Tab in the right direction and cancels with Escape', () => {
    expect(editKeyAction(key('Enter'))).toEqual({ type: 'commit', then: 'down' })
    expect(editKeyAction(key('Enter', { shiftKey: true }))).toEqual({ type: 'commit', then: 'up' })
    expect(editKeyAction(key('Tab'))).toEqual({ type: 'commit', then: 'right' })
    expect(editKeyAction(key('Tab', { shiftKey: true }))).toEqual({ type: 'commit', then: 'left' })
    expect(editKeyAction(key('Escape'))).toEqual({ type: 'cancel' })
    expect(editKeyAction(key('a'))).toEqual({ type: 'none' })
  })
})
