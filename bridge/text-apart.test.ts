import { describe, expect, it } from 'vitest'
import { joinForWire, readArgsApart, readTextApart, splitArgs, splitText } from './text-apart'

describe('text apart', () => {
  it('round-trips an opened file, text with line breaks, quotes and non-ASCII included', () => {
    const reply = { ok: true, value: { path: '/tmp/ä "b"\n.gradsheet', name: 'b', text: '{\n  "format": "gradsheet", "x": "é\\n"\n}\n', recovered: true } }
    const parts = splitText(reply)!
    expect(parts.head).not.toContain('\n')
    expect(readTextApart(joinForWire(parts))).toEqual(reply)
  })

  it('leaves refusals, empty answers and answers without text alone', () => {
    expect(splitText({ ok: false, error: 'x' })).toBeNull()
    expect(splitText({ ok: true, value: null })).toBeNull()
    expect(splitText({ ok: true, value: ['a'] })).toBeNull()
    expect(splitText({ ok: true, value: { path: '/a' } })).toBeNull()
    expect(() => readTextApart('{"ok":true}')).toThrow()
  })
})

describe('requests with the text apart', () => {
  it('round-trips named arguments with a workbook text, and refuses bodies not in this form', () => {
    const args = { path: '/x/a "b".gradsheet', text: '{\n"format": "gradsheet"\n}\n\n', document: { id: 'd', path: null, name: 'n' } }
    const parts = splitArgs(args)!
    expect(parts.head).not.toContain('\n')
    expect(readArgsApart(joinForWire(parts))).toEqual(args)
    expect(splitArgs({ path: '/a' })).toBeNull()
    expect(readArgsApart('no line break')).toBeNull()
    expect(readArgsApart('{oops\ntext')).toBeNull()
    expect(readArgsApart('[1]\ntext')).toBeNull()
  })
})
