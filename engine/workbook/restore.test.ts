import { describe, expect, it } from 'vitest'
import { restoreDocument, restoreParsed } from './restore.ts'
import { LIMITS } from '../limits.ts'
import { serializeDocument } from './serialize.ts'

const valid = {
  format: 'gradsheet',
  version: 1,
  objective: 'J',
  sheets: [
    {
      name: 'Sheet1',
      cells: {
        A1: { input: 'x' },
        B1: { input: '-3', name: 'x', param: true },
        B2: { input: '=x^2', name: 'J' },
      },
    },
  ],
}

/** The valid workbook with `patch` applied to a deep copy. */
function withPatch(patch: (doc: any) => void): string {
  const doc = structuredClone(valid)
  patch(doc)
  return JSON.stringify(doc)
}

function errorOf(text: string): string {
  const r = restoreDocument(text)
  if (r.ok) throw new Error('expected a rejection, the document was accepted')
  return r.error
}

describe('restoreDocument accepts', () => {
  it('a valid workbook, as it is', () => {
    const r = restoreDocument(JSON.stringify(valid))
    expect(r).toEqual({ ok: true, doc: valid })
  })

  it('a file that starts with a UTF-8 byte-order mark', () => {
    expect(restoreDocument('\uFEFF' + JSON.stringify(valid)).ok).toBe(true)
  })

  it('lower-case address keys, normalized to upper case', () => {
    const r = restoreDocument(withPatch((d) => (d.sheets[0].cells = { b7: { input: '1' }, xfd1048576: { input: '2' } })))
    expect(r.ok && Object.keys(r.doc.sheets[0].cells)).toEqual(['B7', 'XFD1048576'])
  })

  it('a missing or empty objective as null, and a sheet without cells', () => {
    const r = restoreDocument(withPatch((d) => { delete d.objective; d.sheets.push({ name: 'Empty' }) }))
    expect(r.ok && r.doc.objective).toBe(null)
    expect(r.ok && r.doc.sheets[1]).toEqual({ name: 'Empty', cells: {} })
    const blank = restoreDocument(withPatch((d) => (d.objective = '  ')))
    expect(blank.ok && blank.doc.objective).toBe(null)
  })

  it('names that differ only in case (x and X) as different names', () => {
    const r = restoreDocument(withPatch((d) => (d.sheets[0].cells.C1 = { input: '1', name: 'X' })))
    expect(r.ok).toBe(true)
  })
})

describe('restoreDocument rejects, in words, and never throws', () => {
  it('text that is not JSON, saying where', () => {
    expect(errorOf('{\n  "format": "gradsheet",\n  "version": }')).toBe(
      'The file is not valid JSON: unexpected "}" at line 3, column 14.',
    )
    expect(errorOf('{"format": "gradsheet"')).toMatch(/ends before the JSON is complete at line 1/)
    expect(errorOf('')).toMatch(/the file is empty/)
    expect(errorOf("{'a': 1}")).toMatch(/unexpected "'" at line 1, column 2/)
    expect(errorOf('{"a": 1} x')).toMatch(/unexpected "x" at line 1, column 10/)
    expect(errorOf('{"a": "x\ny"}')).toMatch(/control character \(code 10\) at line 1, column 9/)
  })

  it('deeply nested junk without overflowing the stack', () => {
    expect(errorOf('['.repeat(200_000))).toMatch(/not valid JSON/)
  })

  it('a value that is not text at all', () => {
    expect(errorOf(42 as unknown as string)).toMatch(/Expected the workbook as text, got the number 42/)
  })

  it('JSON that is not an object', () => {
    expect(errorOf('[1, 2]')).toMatch(/not a Gradsheet workbook: the file holds a list/)
    expect(errorOf('null')).toMatch(/holds null/)
    expect(errorOf('"gradsheet"')).toMatch(/holds the text "gradsheet"/)
  })

  it('another format, or none', () => {
    expect(errorOf(withPatch((d) => (d.format = 'excalidraw')))).toMatch(/"format" is "excalidraw", expected "gradsheet"/)
    expect(errorOf(withPatch((d) => delete d.format))).toMatch(/has no "format" field/)
  })

  it('a version newer than known', () => {
    expect(errorOf(withPatch((d) => (d.version = 2)))).toMatch(/written by a newer Gradsheet \(file version 2; this version reads up to 1\)/)
  })

  it('a missing or malformed version', () => {
    expect(errorOf(withPatch((d) => delete d.version))).toMatch(/no "version" field/)
    expect(errorOf(withPatch((d) => (d.version = '1')))).toMatch(/"version" must be a whole number of 1 or more, found "1"/)
    expect(errorOf(withPatch((d) => (d.version = 1.5)))).toMatch(/found 1.5/)
    expect(errorOf(withPatch((d) => (d.version = 0)))).toMatch(/found 0/)
  })

  it('a missing, non-list or empty sheets list', () => {
    expect(errorOf(withPatch((d) => delete d.sheets))).toMatch(/has no "sheets" list/)
    expect(errorOf(withPatch((d) => (d.sheets = {})))).toMatch(/"sheets" must be a list of sheets, found an object/)
    expect(errorOf(withPatch((d) => (d.sheets = [])))).toMatch(/"sheets" is empty/)
  })

  it('a sheet that is not an object, has no name, or has bad cells', () => {
    expect(errorOf(withPatch((d) => d.sheets.push(3)))).toMatch(/sheet 2 must be an object/)
    expect(errorOf(withPatch((d) => d.sheets.push({ cells: {} })))).toMatch(/sheet 2 needs a "name" that is non-empty text, found nothing/)
    expect(errorOf(withPatch((d) => d.sheets.push({ name: '', cells: {} })))).toMatch(/sheet 2 needs a "name"/)
    expect(errorOf(withPatch((d) => (d.sheets[0].cells = [])))).toMatch(/sheet "Sheet1": "cells" must be an object keyed by cell address, found a list/)
  })

  it('duplicate sheet names, compared ignoring case as formulas do', () => {
    expect(errorOf(withPatch((d) => d.sheets.push({ name: 'Sheet1', cells: {} })))).toMatch(/two sheets are named "Sheet1"; sheet names must be unique/)
    expect(errorOf(withPatch((d) => d.sheets.push({ name: 'SHEET1', cells: {} })))).toMatch(
      /two sheets are named "SHEET1" \(sheet names are compared ignoring case: "Sheet1"\)/,
    )
  })

  it('sheet names the app could never make', () => {
    const named = (name: string) => errorOf(withPatch((d) => d.sheets.push({ name, cells: {} })))
    expect(named('a/b')).toMatch(/sheet 2 is named "a\/b", but a sheet name cannot contain control characters or any of : \\ \/ \? \* \[ \]/)
    expect(named('tab\there')).toMatch(/is named "tab\?here", but a sheet name cannot contain control characters/)
    expect(named(' padded')).toMatch(/cannot start or end with spaces/)
    expect(named('x'.repeat(101))).toMatch(/at most 100 characters/)
    expect(restoreDocument(withPatch((d) => d.sheets.push({ name: "My data (2024's)", cells: {} }))).ok).toBe(true)
  })

  it('malformed and out-of-range address keys', () => {
    const bad = (key: string) => errorOf(withPatch((d) => (d.sheets[0].cells[key] = { input: '1' })))
    expect(bad('A0')).toMatch(/"A0" is not a cell address/)
    expect(bad('A01')).toMatch(/"A01" is not a cell address/)
    expect(bad('$A$1')).toMatch(/"\$A\$1" is not a cell address/)
    expect(bad('1A')).toMatch(/not a cell address/)
    expect(bad('')).toMatch(/"" is not a cell address/)
    expect(bad('XFE1')).toMatch(/"XFE1" is out of range: columns run A…XFD/)
    expect(bad('A1048577')).toMatch(/"A1048577" is out of range: rows run 1…1048576/)
    expect(bad('AAAA1')).toMatch(/not a cell address/)
  })

  it('the same cell twice (upper and lower case)', () => {
    expect(errorOf(withPatch((d) => (d.sheets[0].cells.a1 = { input: '2' })))).toMatch(/cell A1 appears twice \(as "A1" and "a1"\)/)
  })

  it('a cell entry that is not an object, or whose input is not text', () => {
    expect(errorOf(withPatch((d) => (d.sheets[0].cells.C1 = '=1')))).toMatch(/cell C1 must be an object like/)
    expect(errorOf(withPatch((d) => (d.sheets[0].cells.C1 = { input: 5 })))).toMatch(/sheet "Sheet1", cell C1: "input" must be text, found the number 5/)
    expect(errorOf(withPatch((d) => (d.sheets[0].cells.C1 = {})))).toMatch(/"input" must be text, found nothing/)
  })

  it('invalid names', () => {
    const named = (name: unknown) => errorOf(withPatch((d) => (d.sheets[0].cells.C1 = { input: '1', name })))
    // The words come from the engine's name rule (engine/names.ts), shared with the app.
    expect(named('AB12')).toMatch(/sheet "Sheet1", cell C1: "AB12" looks like a cell address, so it cannot be a name/)
    expect(named('x1')).toMatch(/"x1" looks like a cell address/)
    expect(named('XFE1')).toMatch(/"XFE1" looks like a cell address/)
    expect(named('pi')).toMatch(/"pi" is a constant, so it cannot be a name/)
    expect(named('e')).toMatch(/"e" is a constant/)
    for (const reserved of ['sum', 'SUM', 'sigmoid', 'evaluate', 'constructor', '__proto__', 'true']) {
      expect(named(reserved)).toMatch(new RegExp(`"${reserved}" is a function or reserved word, so it cannot be a name`))
    }
    expect(named('learning rate')).toMatch(/"learning rate" is not a valid name: use letters, digits and _/)
    expect(named('2x')).toMatch(/"2x" is not a valid name/)
    expect(named('')).toMatch(/"" is not a valid name/)
    expect(named(7)).toMatch(/"name" must be text, found the number 7/)
  })

  it('duplicate names, also across sheets', () => {
    expect(errorOf(withPatch((d) => (d.sheets[0].cells.C1 = { input: '1', name: 'x' })))).toMatch(
      /cell C1: the name "x" is already used by Sheet1!B1; names must be unique/,
    )
    expect(errorOf(withPatch((d) => d.sheets.push({ name: 'Data', cells: { A1: { input: '1', name: 'J' } } })))).toMatch(
      /sheet "Data", cell A1: the name "J" is already used by Sheet1!B2/,
    )
  })

  it('a param that is not a boolean', () => {
    expect(errorOf(withPatch((d) => (d.sheets[0].cells.B1.param = 'yes')))).toMatch(/"param" must be true or false, found the text "yes"/)
  })

  it('an objective that is not text or null', () => {
    expect(errorOf(withPatch((d) => (d.objective = 4)))).toMatch(/"objective" must be a cell name or address \(text\) or null, found the number 4/)
  })

  it('several problems at once, listing the first five', () => {
    const text = withPatch((d) => {
      for (let i = 1; i <= 7; i++) d.sheets[0].cells[`D${i}`] = { input: i }
    })
    const error = errorOf(text)
    expect(error).toMatch(/cell D1: .*; .*cell D5: "input" must be text, found the number 5 \(and 2 more problems\)\.$/)
  })
})

describe('the cell-count limit', () => {
  it('refuses a workbook past 4,000,000 cells in words, before reading any cell', () => {
    // 40 sheets share one 100,001-cell object: 4,000,040 cells without holding 4M objects.
    const perSheet = Math.ceil(LIMITS.cellCount / 40) + 1
    const shared: Record<string, { input: string }> = {}
    for (let i = 1; i <= perSheet; i++) shared[`A${i}`] = { input: '1' }
    const sheets = Array.from({ length: 40 }, (_, i) => ({ name: `S${i + 1}`, cells: shared }))
    const r = restoreParsed({ format: 'gradsheet', version: 1, objective: null, sheets })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toContain('more than 4,000,000 cells')
  })
})

describe('unknown fields and hostile keys', () => {
  it('keeps unknown fields at every level through a save and a reload', () => {
    const text = withPatch((d) => {
      d.author = { name: 'Ada', tags: ['a'] }
      d.sheets[0].frozenRows = 1
      d.sheets[0].cells.B1.comment = 'the input'
      d.sheets[0].cells.B1.format = { digits: 3 }
    })
    const first = restoreDocument(text)
    expect(first.ok).toBe(true)
    if (!first.ok) return
    expect(first.doc.author).toEqual({ name: 'Ada', tags: ['a'] })
    expect(first.doc.sheets[0].frozenRows).toBe(1)
    expect(first.doc.sheets[0].cells.B1).toEqual({ input: '-3', name: 'x', param: true, comment: 'the input', format: { digits: 3 } })
    const again = restoreDocument(serializeDocument(first.doc))
    expect(again).toEqual(first)
  })

  it('a "__proto__" field is kept as data and never becomes a prototype', () => {
    const text =
      '{"format":"gradsheet","version":1,"objective":null,"__proto__":{"polluted":1},' +
      '"sheets":[{"name":"S","__proto__":{"polluted":2},"cells":{"A1":{"input":"1","__proto__":{"polluted":3},"constructor":{"prototype":{"polluted":4}}}}}]}'
    const r = restoreDocument(text)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const cell = r.doc.sheets[0].cells.A1
    for (const obj of [r.doc, r.doc.sheets[0], cell]) {
      expect(Object.getPrototypeOf(obj)).toBe(Object.prototype)
      expect((obj as any).polluted).toBeUndefined()
    }
    expect(({} as any).polluted).toBeUndefined()
    expect(Object.getOwnPropertyDescriptor(r.doc, '__proto__')?.value).toEqual({ polluted: 1 })
    const saved = serializeDocument(r.doc)
    expect(saved).toContain('"__proto__": {\n    "polluted": 1')
    expect(restoreDocument(saved)).toEqual(r)
  })

  it('address keys named like Object.prototype members are malformed addresses', () => {
    for (const key of ['__proto__', 'constructor', 'toString']) {
      const text = `{"format":"gradsheet","version":1,"sheets":[{"name":"S","cells":{"${key}":{"input":"1"}}}]}`
      expect(errorOf(text)).toMatch(new RegExp(`"${key}" is not a cell address`))
    }
  })
})
