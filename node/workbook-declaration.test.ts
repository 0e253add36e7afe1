// The host's declaration check must agree with JSON.parse on what is JSON and on what the
// top-level "format" says, or a page could receive a file that is not a Gradsheet workbook
// (or be refused one that is). Compared on random JSON texts and on their one-character damages.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { readDeclaration } from './workbook-declaration'

function byJsonParse(text: string): { json: boolean; gradsheet: boolean } {
  try {
    const value: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
    const gradsheet = typeof value === 'object' && value !== null && !Array.isArray(value) && (value as { format?: unknown }).format === 'gradsheet'
    return { json: true, gradsheet }
  } catch {
    return { json: false, gradsheet: false }
  }
}

const workbookLike = fc.record(
  {
    format: fc.oneof(fc.constant('gradsheet'), fc.constant('Gradsheet'), fc.jsonValue({ maxDepth: 2 })),
    version: fc.jsonValue({ maxDepth: 1 }),
    sheets: fc.jsonValue({ maxDepth: 4 }),
  },
  { requiredKeys: [] },
)
/** JSON texts: plain values, workbook-like objects, with the spacing of both compact and pretty printing. */
const jsonText = fc
  .tuple(fc.oneof(fc.jsonValue({ maxDepth: 4 }), workbookLike), fc.constantFrom(undefined, 2, '\t'))
  .map(([value, space]) => JSON.stringify(value, null, space))
/** One character removed, replaced or inserted: most damages make invalid JSON, some a different valid value. */
const damaged = fc
  .tuple(jsonText, fc.nat(), fc.constantFrom('', '{', '}', '[', ']', '"', ',', ':', '\\', ' ', '0', '-', '.', 'e', 't', '\n', '\u0001'), fc.boolean())
  .map(([text, at, ch, replace]) => {
    const i = text.length === 0 ? 0 : at % text.length
    return text.slice(0, i) + ch + text.slice(replace ? i + 1 : i)
  })

describe('readDeclaration', () => {
  it('agrees with JSON.parse on random JSON texts', () => {
    fc.assert(fc.property(jsonText, (text) => {
      expect(readDeclaration(text)).toEqual(byJsonParse(text))
    }), { seed: 12, numRuns: 2000 })
  })

  it('agrees with JSON.parse on damaged JSON texts', () => {
    fc.assert(fc.property(damaged, (text) => {
      expect(readDeclaration(text)).toEqual(byJsonParse(text))
    }), { seed: 13, numRuns: 4000 })
  })

  it('reads files of tens of megabytes in one string, number or nesting without overflowing the stack', () => {
    const long = 'a'.repeat(20_000_000)
    expect(readDeclaration(`{"format": "gradsheet", "x": "${long}"}`)).toEqual({ json: true, gradsheet: true })
    expect(readDeclaration(`{"format": "gradsheet", "x": "${long}`)).toEqual({ json: false, gradsheet: false })
    expect(readDeclaration(`{"format": "gradsheet", "x": ${'9'.repeat(20_000_000)}}`)).toEqual({ json: true, gradsheet: true })
    expect(readDeclaration(`{"format": "gradsheet"${' '.repeat(20_000_000)}}`)).toEqual({ json: true, gradsheet: true })
    expect(readDeclaration('['.repeat(1_000_000) + ']'.repeat(1_000_000))).toEqual({ json: true, gradsheet: false })
  })

  it('reads the top-level "format" only, the last one when repeated, escapes decoded', () => {
    expect(readDeclaration('{"sheets": {"format": "gradsheet"}}')).toEqual({ json: true, gradsheet: false })
    expect(readDeclaration('[{"format": "gradsheet"}]')).toEqual({ json: true, gradsheet: false })
    expect(readDeclaration('{"format": "gradsheet", "format": "other"}')).toEqual({ json: true, gradsheet: false })
    expect(readDeclaration('{"format": "other", "format": "gradsheet"}')).toEqual({ json: true, gradsheet: true })
    expect(readDeclaration('{"\\u0066ormat": "grad\\u0073heet"}')).toEqual({ json: true, gradsheet: true })
    expect(readDeclaration('\ufeff{"format": "gradsheet"}')).toEqual({ json: true, gradsheet: true })
    expect(readDeclaration('{"format": "gradsheet"} trailing')).toEqual({ json: false, gradsheet: false })
    expect(readDeclaration('Zpassword=hunter2')).toEqual({ json: false, gradsheet: false })
    expect(readDeclaration('')).toEqual({ json: false, gradsheet: false })
  })
})
