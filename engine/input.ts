// What a typed input means (SPEC §1): empty, number, formula or label.
import { Err, type V } from './values'

const NUMBER = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/

export type InputMeaning =
  | { kind: 'empty' }
  | { kind: 'formula'; body: string }
  | { kind: 'constant'; value: V }

export function classifyInput(input: string): InputMeaning {
  const t = input.trim()
  if (t === '') return { kind: 'empty' }
  if (t.startsWith('=')) return { kind: 'formula', body: t.slice(1) }
  if (t.startsWith("'")) return { kind: 'constant', value: t.slice(1) }
  if (NUMBER.test(t)) {
    const x = Number(t)
    return { kind: 'constant', value: Number.isFinite(x) ? x : new Err('#NUM!', `the number ${t} is too large`) }
  }
  return { kind: 'constant', value: input }
}
