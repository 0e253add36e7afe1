// The browser's stand-in for native open/save dialogs: a small accessible modal asking
// for a path on the machine running `npm run web`. Plain DOM (no framework) so the
// bridge stays self-contained; styles are set through the CSSOM, which the CSP allows.

export interface PathPromptOptions {
  /** Heading, e.g. "Open workbook". */
  title: string
  /** A sentence under the heading. */
  hint: string
  /** Pre-filled path. */
  initialPath: string
}

let openCount = 0

/** Resolves with the trimmed path, or null when the person cancels (Cancel, Escape). */
export function promptForPath(options: PathPromptOptions, doc: Document = document): Promise<string | null> {
  return new Promise((resolve) => {
    const id = `gradsheet-path-prompt-${++openCount}`
    const previousFocus = doc.activeElement as HTMLElement | null

    const backdrop = doc.createElement('div')
    Object.assign(backdrop.style, {
      position: 'fixed', inset: '0', background: 'rgba(0, 0, 0, 0.35)', display: 'flex',
      alignItems: 'center', justifyContent: 'center', zIndex: '10000',
    })

    const dialog = doc.createElement('div')
    dialog.setAttribute('role', 'dialog')
    dialog.setAttribute('aria-modal', 'true')
    dialog.setAttribute('aria-labelledby', `${id}-title`)
    dialog.setAttribute('aria-describedby', `${id}-hint`)
    Object.assign(dialog.style, {
      background: '#fff', color: '#111', padding: '16px 20px', borderRadius: '8px', minWidth: '420px',
      maxWidth: '90vw', boxShadow: '0 8px 30px rgba(0, 0, 0, 0.3)', font: '14px system-ui, sans-serif',
    })

    const heading = doc.createElement('h2')
    heading.id = `${id}-title`
    heading.textContent = options.title
    Object.assign(heading.style, { margin: '0 0 8px', fontSize: '16px' })

    const hint = doc.createElement('p')
    hint.id = `${id}-hint`
    hint.textContent = options.hint
    Object.assign(hint.style, { margin: '0 0 12px', color: '#444' })

    const label = doc.createElement('label')
    label.htmlFor = `${id}-input`
    label.textContent = 'File path'
    Object.assign(label.style, { display: 'block', marginBottom: '4px', fontWeight: '600' })

    const input = doc.createElement('input')
    input.id = `${id}-input`
    input.type = 'text'
    input.value = options.initialPath
    input.spellcheck = false
    input.autocomplete = 'off'
    Object.assign(input.style, { width: '100%', boxSizing: 'border-box', padding: '6px 8px', font: '13px ui-monospace, monospace' })

    const buttons = doc.createElement('div')
    Object.assign(buttons.style, { display: 'flex', justifyContent: 'flex-end', gap: '8px', marginTop: '14px' })
    const cancel = doc.createElement('button')
    cancel.type = 'button'
    cancel.textContent = 'Cancel'
    const ok = doc.createElement('button')
    ok.type = 'button'
    ok.textContent = 'OK'
    buttons.append(cancel, ok)

    dialog.append(heading, hint, label, input, buttons)
    backdrop.append(dialog)
    doc.body.append(backdrop)

    const finish = (value: string | null) => {
      backdrop.remove()
      previousFocus?.focus?.()
      resolve(value)
    }
    const confirm = () => {
      const path = input.value.trim()
      if (path === '') {
        input.setAttribute('aria-invalid', 'true')
        input.focus()
        return
      }
      finish(path)
    }
    ok.addEventListener('click', confirm)
    cancel.addEventListener('click', () => finish(null))
    dialog.addEventListener('keydown', (event) => {
      // Keys typed here belong to the dialog, not to the grid underneath.
      event.stopPropagation()
      if (event.key === 'Escape') {
        event.preventDefault()
        finish(null)
      } else if (event.key === 'Enter' && event.target === input) {
        event.preventDefault()
        confirm()
      } else if (event.key === 'Tab') {
        // Keep focus inside the dialog.
        const order = [input, cancel, ok]
        const index = order.indexOf(doc.activeElement as HTMLInputElement | HTMLButtonElement)
        const next = order[(index + (event.shiftKey ? order.length - 1 : 1)) % order.length]
        event.preventDefault()
        next.focus()
      }
    })
    input.focus()
    input.setSelectionRange(input.value.length, input.value.length)
  })
}
