// Graph export through the bridge: only SVG text and PNG bytes, only to .svg/.png paths,
// written atomically; everything else is refused in words.
import { mkdtempSync, readFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkExportName, writeExportFile } from './export-file'

const folder = () => mkdtempSync(join(tmpdir(), 'gradsheet-export-'))
const SVG = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>\n'
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString('base64')

describe('writeExportFile', () => {
  it('writes SVG text and PNG bytes', async () => {
    const dir = folder()
    await expect(writeExportFile(join(dir, 'g.svg'), SVG, 'utf8')).resolves.toEqual({ ok: true, path: join(dir, 'g.svg'), name: 'g.svg' })
    expect(readFileSync(join(dir, 'g.svg'), 'utf8')).toBe(SVG)
    await expect(writeExportFile(join(dir, 'g.png'), PNG, 'base64')).resolves.toMatchObject({ ok: true, name: 'g.png' })
    expect(readFileSync(join(dir, 'g.png')).subarray(0, 4).toString('latin1')).toBe('\x89PNG')
  })

  it('refuses other extensions, mismatched encodings, non-images and relative paths', async () => {
    const dir = folder()
    const refused = async (path: unknown, data: unknown, encoding: unknown, message: RegExp) => {
      const out = await writeExportFile(path, data, encoding)
      expect(out.ok).toBe(false)
      expect(!out.ok && out.error).toMatch(message)
    }
    await refused(join(dir, 'x.sh'), SVG, 'utf8', /\.svg or \.png/)
    await refused(join(dir, 'x.gradsheet'), SVG, 'utf8', /\.svg or \.png/)
    await refused(join(dir, 'x.svg'), PNG, 'base64', /utf8/)
    await refused(join(dir, 'x.svg'), 'echo hi', 'utf8', /not an SVG/)
    await refused(join(dir, 'x.png'), Buffer.from('hello').toString('base64'), 'base64', /not a PNG/)
    await refused(join(dir, 'x.png'), 'not base64!', 'base64', /base64/)
    await refused(join(dir, 'x.png'), PNG, 'latin1', /encoding/)
    await refused('graph.svg', SVG, 'utf8', /absolute/)
    await refused(join(dir, 'x.svg'), 42, 'utf8', /text/)
    expect(existsSync(join(dir, 'x.svg'))).toBe(false)
  })

  it('reports a folder that does not exist', async () => {
    const out = await writeExportFile(join(folder(), 'missing', 'g.svg'), SVG, 'utf8')
    expect(out.ok).toBe(false)
  })
})

describe('checkExportName', () => {
  it('accepts bare .svg/.png names only', () => {
    expect(checkExportName('graph.svg')).toEqual({ ok: true, value: 'graph.svg' })
    expect(checkExportName('graph.PNG').ok).toBe(true)
    expect(checkExportName('../graph.svg').ok).toBe(false)
    expect(checkExportName('graph.exe').ok).toBe(false)
    expect(checkExportName(null).ok).toBe(false)
  })
})
