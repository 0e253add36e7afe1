// Autocomplete's text logic: the word at the caret, matching and ranking, accepting,
// and the call the caret is inside.
import { describe, expect, it } from 'vitest'
import { acceptCompletion, callAtCaret, completionsFor, wordAtCaret } from './autocomplete'

const FUNCTIONS = ['SUM', 'SUMSQ', 'SUMPRODUCT', 'sum', 'sqrt', 'sigmoid', 'exp', 'expm1', 'ABS']

describe('the word being typed', () => {
  it('is the identifier ending at the caret in a formula', () => {
    expect(wordAtCaret('=1+su', 5)).toEqual({ start: 3, prefix: 'su' })
    expect(wordAtCaret('=SU', 3)).toEqual({ start: 1, prefix: 'SU' })
  })

  it('is nothing in plain text, strings, numbers, mid-word, after . ! $', () => {
    expect(wordAtCaret('su', 2)).toBeNull()
    expect(wordAtCaret('="su', 4)).toBeNull()
    expect(wordAtCaret('=1e5', 4)).toBeNull()
    expect(wordAtCaret('=sum', 2)).toBeNull()
    expect(wordAtCaret('=Sheet2!A', 9)).toBeNull()
    expect(wordAtCaret('=A1+', 4)).toBeNull()
  })
})

describe('matching', () => {
  it('prefix, case-insensitive, the case typed first, alphabetical', () => {
    expect(completionsFor('su', FUNCTIONS, []).map((c) => c.label)).toEqual(['sum', 'SUM', 'SUMPRODUCT', 'SUMSQ'])
    expect(completionsFor('SU', FUNCTIONS, []).map((c) => c.label)).toEqual(['SUM', 'SUMPRODUCT', 'SUMSQ', 'sum'])
  })

  it('offers cell names, limited in number', () => {
    const names = ['sample_1', 'sample_2', 'scale']
    expect(completionsFor('sa', FUNCTIONS, names)).toEqual([{ label: 'sample_1', kind: 'name' }, { label: 'sample_2', kind: 'name' }])
    expect(completionsFor('s', FUNCTIONS, names, [], 3)).toHaveLength(3)
  })

  it('offers nothing for a complete name or constant, nor for what matches nothing', () => {
    expect(completionsFor('scale', FUNCTIONS, ['scale'])).toEqual([])
    expect(completionsFor('e', FUNCTIONS, [], ['e', 'pi'])[0]).toEqual({ label: 'e', kind: 'constant' })
    expect(completionsFor('B2', FUNCTIONS, [])).toEqual([])
  })
})

describe('accepting', () => {
  it('a function writes its name and an open parenthesis', () => {
    const word = wordAtCaret('=1+su', 5)!
    expect(acceptCompletion('=1+su', 5, word, { label: 'SUM', kind: 'function' })).toEqual({ text: '=1+SUM(', caret: 7 })
  })

  it('does not double an existing parenthesis, and a name is written as is', () => {
    expect(acceptCompletion('=su(A1)', 3, { start: 1, prefix: 'su' }, { label: 'sum', kind: 'function' })).toEqual({ text: '=sum(A1)', caret: 5 })
    expect(acceptCompletion('=2*sc', 5, { start: 3, prefix: 'sc' }, { label: 'scale', kind: 'name' })).toEqual({ text: '=2*scale', caret: 8 })
  })
})

describe('the call under the caret', () => {
  it('is the innermost open call, with the argument index', () => {
    expect(callAtCaret('=SUM(', 5)).toEqual({ name: 'SUM', argIndex: 0 })
    expect(callAtCaret('=ROUND(A1, ', 11)).toEqual({ name: 'ROUND', argIndex: 1 })
    expect(callAtCaret('=IF(A1 > 0, exp(A1', 18)).toEqual({ name: 'exp', argIndex: 0 })
    expect(callAtCaret('=IF(A1 > 0, exp(A1), ', 21)).toEqual({ name: 'IF', argIndex: 2 })
  })

  it('skips plain parentheses, arrays and strings', () => {
    expect(callAtCaret('=max((1, 2', 10)).toEqual({ name: 'max', argIndex: 0 })
    expect(callAtCaret('=dot([1, 2], ', 13)).toEqual({ name: 'dot', argIndex: 1 })
    expect(callAtCaret('=IF(",(", ', 10)).toEqual({ name: 'IF', argIndex: 1 })
    expect(callAtCaret('=sum(1)', 7)).toBeNull()
  })
})
