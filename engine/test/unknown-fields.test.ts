// Unknown fields survive load → engine → save, including the keys JavaScript treats
// specially ("__proto__", "constructor"), at every level; and the engine refuses the
// same sheet names the file loader does (one rule, engine/workbook/sheet-name.ts).
import { describe, expect, it } from 'vitest'
import { createEngine } from '../index'
import { restoreDocument, serializeDocument } from '../workbook'
import { sheetNameProblem } from '../workbook/sheet-name'

const HOSTILE_KEYS = `{
  "format": "gradsheet", "version": 1, "objective": null,
  "__proto__": { "polluted": 1 }, "constructor": "top",
  "sheets": [{
    "name": "Sheet1", "__proto__": { "sheetLevel": true },
    "cells": { "A1": { "input": "=1+1", "__proto__": { "cellLevel": 2 }, "constructor": [1] } }
  }]
}`

describe('unknown fields round-trip through the engine', () => {
  it('keeps __proto__ and constructor fields as plain fields at every level', () => {
    const restored = restoreDocument(HOSTILE_KEYS)
    expect(restored.ok).toBe(true)
    if (!restored.ok) return
    const doc = createEngine(restored.doc).toDocument()
    const again = JSON.parse(serializeDocument(doc))
    const own = (o: object, k: string) => Object.getOwnPropertyDescriptor(o, k)?.value
    expect(own(again, '__proto__')).toEqual({ polluted: 1 })
    expect(own(again, 'constructor')).toBe('top')
    expect(own(again.sheets[0], '__proto__')).toEqual({ sheetLevel: true })
    expect(own(again.sheets[0].cells.A1, '__proto__')).toEqual({ cellLevel: 2 })
    expect(own(again.sheets[0].cells.A1, 'constructor')).toEqual([1])
    // Nothing leaked into prototypes on the way.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.getPrototypeOf(doc)).toBe(Object.prototype)
    expect(Object.getPrototypeOf(doc.sheets[0])).toBe(Object.prototype)
  })

  it('a second save gives the same bytes as the first', () => {
    const restored = restoreDocument(HOSTILE_KEYS)
    if (!restored.ok) throw new Error(restored.error)
    const once = serializeDocument(createEngine(restored.doc).toDocument())
    const second = restoreDocument(once)
    if (!second.ok) throw new Error(second.error)
    expect(serializeDocument(createEngine(second.doc).toDocument())).toBe(once)
  })
})

describe('one sheet-name rule', () => {
  const names = ['', '  ', 'a:b', 'x/y', 'q?', 'star*', '[x]', 'tab\there', ' lead', 'trail ', 'x'.repeat(101), 'ok name', 'Données', 'x'.repeat(100)]
  for (const name of names)
    it(`engine and file loader agree on ${JSON.stringify(name.length > 20 ? name.slice(0, 20) + '…' : name)}`, () => {
      const e = createEngine()
      const r = e.apply([{ type: 'addSheet', name }])
      const rule = sheetNameProblem(name)
      expect(r.rejected.map((x) => x.message)).toEqual(rule ? [rule] : [])
    })
})
