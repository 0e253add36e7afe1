// Asking before unsaved work is closed: the question (as native message-box options)
// and what each answer means.
import type { MessageBoxOptions } from 'electron'

export type CloseChoice = 'save' | 'discard' | 'cancel'

const BUTTONS: CloseChoice[] = ['save', 'discard', 'cancel']

export function unsavedChangesQuestion(name: string): MessageBoxOptions {
  return {
    type: 'warning',
    buttons: ['Save', "Don't Save", 'Cancel'],
    defaultId: 0,
    cancelId: 2,
    noLink: true,
    title: 'Unsaved changes',
    message: `Do you want to save the changes you made to ${name}?`,
    detail: "Your changes will be lost if you don't save them.",
  }
}

/** The message box's button index → the choice; anything unexpected keeps the window open. */
export function closeChoice(response: number): CloseChoice {
  return BUTTONS[response] ?? 'cancel'
}

export function restoreBackupQuestion(name: string, savedAt: string): MessageBoxOptions {
  const when = savedAt ? ` (from ${new Date(savedAt).toLocaleString()})` : ''
  return {
    type: 'question',
    buttons: ['Restore', 'Discard'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
    title: 'Recover unsaved work',
    message: `Gradsheet found unsaved changes to ${name}${when} that were not saved when it last closed.`,
    detail: 'Restore opens them as a modified workbook; Discard deletes them for good.',
  }
}

export function restoreChoice(response: number): 'restore' | 'discard' {
  return response === 1 ? 'discard' : 'restore'
}
