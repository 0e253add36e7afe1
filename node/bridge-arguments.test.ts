// The bridge's argument checks that no other test reaches: the workbook size is counted
// in UTF-8 bytes (what the file store will read back), and a document identity is
// checked before any backup is written.
import { describe, expect, it } from 'vitest'
import { checkBackupText, checkDocumentIdentity, checkWorkbookText, LIMITS } from './bridge-arguments'

describe('bridge arguments', () => {
  it('refuses workbook text over 64 MiB of UTF-8 even when it has fewer characters', () => {
    const euros = '€'.repeat(Math.floor(LIMITS.workbookText / 3) + 1) // 3 bytes each
    expect(euros.length).toBeLessThan(LIMITS.workbookText)
    expect(checkWorkbookText(euros)).toMatchObject({ ok: false, error: expect.stringMatching(/too large/) })
    expect(checkWorkbookText('€'.repeat(1000))).toMatchObject({ ok: true })
  })

  it('takes a backup as UTF-8 bytes (Electron: as the worker wrote them), refusing bytes that are too many or not UTF-8', () => {
    expect(checkBackupText(new TextEncoder().encode('é ✓'))).toEqual({ ok: true, value: 'é ✓' })
    expect(checkBackupText(null)).toEqual({ ok: true, value: null })
    expect(checkBackupText(new Uint8Array([0x7b, 0xff, 0x7d]))).toMatchObject({ ok: false, error: 'The workbook text is not valid UTF-8.' })
    expect(checkBackupText(new Uint8Array(LIMITS.workbookText + 1))).toMatchObject({ ok: false, error: expect.stringMatching(/too large/) })
    expect(checkBackupText(42)).toMatchObject({ ok: false })
  })

  it('checks a document identity: id shape, name, and an absolute .gradsheet path or none', () => {
    expect(checkDocumentIdentity({ id: 'a-1', path: null, name: 'Untitled' })).toEqual({ ok: true, value: { id: 'a-1', path: null, name: 'Untitled' } })
    expect(checkDocumentIdentity({ id: 'a/../b', path: null, name: 'x' })).toMatchObject({ ok: false })
    expect(checkDocumentIdentity({ id: 'a', path: 'rel.gradsheet', name: 'x' })).toMatchObject({ ok: false })
    expect(checkDocumentIdentity({ id: 'a', path: '/w/x.txt', name: 'x' })).toMatchObject({ ok: false })
    expect(checkDocumentIdentity({ id: 'a', path: null, name: 7 })).toMatchObject({ ok: false })
    expect(checkDocumentIdentity('a')).toMatchObject({ ok: false })
  })
})
