import { describe, expect, it } from 'vitest'
import { joinForWire, readTextApart, splitText } from './text-apart'

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
