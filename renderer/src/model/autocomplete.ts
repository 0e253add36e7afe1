// Autocomplete while typing a formula, as pure text logic: the word being typed at the
// caret, which function names and cell names complete it, what accepting one writes, and
// which function call the caret is inside (for its signature). Unit-tested in Node.
import { insideString, isFormula } from './point-mode'

export interface Completion {
  /** What accepting writes (functions add "("). */
  label: string
  kind: 'function' | 'name' | 'constant'
}

export interface Word {
  start: number
  prefix: string
}

const identChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c)

/** The identifier ending at the caret that a completion would replace, or null. */
export function wordAtCaret(text: string, caret: number): Word | null {
  if (!isFormula(text) || caret < 2 || identChar(text[caret]) || insideString(text, caret)) return null
  let start = caret
  while (start > 1 && identChar(text[start - 1])) start--
  const prefix = text.slice(start, caret)
  // A word starts with a letter or _, and is not the tail of a number (1e5), a member (.x) or a qualifier.
  if (prefix === '' || !/^[A-Za-z_]/.test(prefix)) return null
  const before = text[start - 1]
  if (before === '.' || before === '$' || before === '!' || /[0-9]/.test(before ?? '')) return null
  return { start, prefix }
}

/**
 * The completions of a prefix (case-insensitive), best first: names and functions
 * starting with it in the case typed, then the others; each group alphabetical.
 * A word that is already complete and has no longer match offers nothing. Constants
 * (`pi`, `e`) are offered too, so a typed `e` is seen as complete rather than `exp`.
 */
export function completionsFor(prefix: string, functions: readonly string[], names: readonly string[], constants: readonly string[] = [], limit = 8): Completion[] {
  const lower = prefix.toLowerCase()
  const all: Completion[] = [
    ...names.map((label) => ({ label, kind: 'name' as const })),
    ...constants.map((label) => ({ label, kind: 'constant' as const })),
    ...functions.map((label) => ({ label, kind: 'function' as const })),
  ].filter((c) => c.label.toLowerCase().startsWith(lower))
  if (all.length === 1 && all[0].label === prefix && all[0].kind !== 'function') return []
  const rank = (c: Completion) => (c.label.startsWith(prefix) ? 0 : 1)
  all.sort((a, b) => rank(a) - rank(b) || a.label.localeCompare(b.label, 'en', { sensitivity: 'base' }) || a.label.localeCompare(b.label))
  return all.slice(0, limit)
}

/** The text and caret after accepting a completion for the word at the caret. */
export function acceptCompletion(text: string, caret: number, word: Word, item: Completion): { text: string; caret: number } {
  const opens = item.kind === 'function' && text[caret] !== '('
  const inserted = item.label + (opens ? '(' : '')
  const next = text.slice(0, word.start) + inserted + text.slice(caret)
  const after = word.start + inserted.length + (item.kind === 'function' && !opens ? 1 : 0)
  return { text: next, caret: after }
}

/** The innermost function call whose parentheses hold the caret, and which argument it is in (0-based). */
export function callAtCaret(text: string, caret: number): { name: string; argIndex: number } | null {
  if (!isFormula(text)) return null
  const stack: { name: string | null; argIndex: number }[] = []
  let i = 1
  while (i < caret) {
    const ch = text[i]
    if (ch === '"') {
      let j = i + 1
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1
      if (j >= caret) return null
      i = j + 1
      continue
    }
    if (ch === '(') {
      let j = i - 1
      while (j >= 1 && (text[j] === ' ' || text[j] === '\t')) j--
      let k = j
      while (k >= 1 && identChar(text[k])) k--
      const name = text.slice(k + 1, j + 1)
      stack.push({ name: /^[A-Za-z_]/.test(name) ? name : null, argIndex: 0 })
    } else if (ch === ')') stack.pop()
    else if ((ch === ',' || ch === ';') && stack.length > 0) stack[stack.length - 1].argIndex++
    else if (ch === '[') stack.push({ name: null, argIndex: 0 })
    else if (ch === ']') stack.pop()
    i++
  }
  for (let k = stack.length - 1; k >= 0; k--) {
    const frame = stack[k]
    if (frame.name) return { name: frame.name, argIndex: frame.argIndex }
    // Inside a plain parenthesis or an array literal: look further out.
  }
  return null
}
