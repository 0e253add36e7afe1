import { execFileSync } from 'node:child_process'
import { promises as fsp } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, stat, writeFile, mkdir, chmod, lstat, readlink, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  describeFsError,
  readTextFile,
  readWorkbookFile,
  saveWorkbookFile,
  writeFileAtomic,
  type AtomicWriteFs,
} from './file-store.ts'

const workbook = JSON.stringify({ format: 'gradsheet', version: 1, objective: null, sheets: [{ name: 'S', cells: { A1: { input: '1' } } }] })

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gradsheet-store-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const realFs: AtomicWriteFs = { open: fsp.open, rename: fsp.rename, unlink: fsp.unlink, stat: fsp.stat, realpath: fsp.realpath }

function codeError(code: string): Error {
  return Object.assign(new Error(code), { code })
}

describe('readWorkbookFile', () => {
  it('reads and restores a valid workbook, returning its text too', async () => {
    const path = join(dir, 'a.gradsheet')
    await writeFile(path, workbook)
    const r = await readWorkbookFile(path)
    expect(r.ok).toBe(true)
    if (r.ok) {
      expect(r.text).toBe(workbook)
      expect(r.doc.sheets[0].cells.A1.input).toBe('1')
    }
  })

  it('a missing file', async () => {
    const path = join(dir, 'nope.gradsheet')
    expect(await readWorkbookFile(path)).toEqual({ ok: false, error: `${path} does not exist.` })
  })

  it('a folder', async () => {
    expect(await readWorkbookFile(dir)).toEqual({ ok: false, error: `${dir} is a folder, not a file.` })
  })

  it('a named pipe, without waiting for a writer', async () => {
    const path = join(dir, 'pipe.gradsheet')
    execFileSync('mkfifo', [path])
    expect(await readWorkbookFile(path)).toEqual({ ok: false, error: `${path} is not a regular file.` })
  })

  it('a file over the size limit', async () => {
    const path = join(dir, 'big.gradsheet')
    await writeFile(path, 'x'.repeat(2 * 1024 * 1024))
    const r = await readTextFile(path, 1024 * 1024)
    expect(r).toEqual({ ok: false, error: `${path} is too large to open (2.0 MB; the limit is 1.0 MB).` })
  })

  it('bytes that are not UTF-8', async () => {
    const path = join(dir, 'bin.gradsheet')
    await writeFile(path, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))
    expect(await readWorkbookFile(path)).toEqual({ ok: false, error: `${path} is not UTF-8 text, so it cannot be a Gradsheet workbook.` })
  })

  it('invalid contents, with the restore step message and the path', async () => {
    const path = join(dir, 'bad.gradsheet')
    await writeFile(path, '{"format": "other", "version": 1, "sheets": []}')
    const r = await readWorkbookFile(path)
    expect(r).toEqual({ ok: false, error: `${path}: This is not a Gradsheet workbook: "format" is "other", expected "gradsheet".` })
  })

  it('permission denied is reported in words', async () => {
    const path = join(dir, 'locked.gradsheet')
    await writeFile(path, workbook)
    await chmod(path, 0o000)
    const r = await readWorkbookFile(path)
    // Root may read anything; anyone else gets the permission message.
    if (process.getuid?.() === 0) expect(r.ok).toBe(true)
    else expect(r).toEqual({ ok: false, error: `Cannot open ${path}: permission denied.` })
    expect(describeFsError(codeError('EACCES'), '/x/y', 'read')).toBe('Cannot open /x/y: permission denied.')
    expect(describeFsError(codeError('EPERM'), '/x/y', 'write')).toBe('Cannot save to /x/y: permission denied.')
  })
})

describe('writeFileAtomic', () => {
  it('creates a new file and replaces an existing one, leaving no temporary files', async () => {
    const path = join(dir, 'w.gradsheet')
    await writeFileAtomic(path, 'first')
    expect(await readFile(path, 'utf8')).toBe('first')
    await writeFileAtomic(path, 'second ✓')
    expect(await readFile(path, 'utf8')).toBe('second ✓')
    expect(await readdir(dir)).toEqual(['w.gradsheet'])
  })

  it('keeps the permissions of the file it replaces', async () => {
    const path = join(dir, 'mode.gradsheet')
    await writeFile(path, 'old')
    await chmod(path, 0o600)
    await writeFileAtomic(path, 'new')
    expect((await stat(path)).mode & 0o777).toBe(0o600)
  })

  it('fails in words when the parent is a file, creating nothing', async () => {
    const parent = join(dir, 'plain-file')
    await writeFile(parent, 'I am a file')
    const path = join(parent, 'w.gradsheet')
    await expect(writeFileAtomic(path, 'x')).rejects.toThrow(`Cannot save to ${parent}: part of the path is a file, not a folder.`)
    expect(await readFile(parent, 'utf8')).toBe('I am a file')
    expect(await readdir(dir)).toEqual(['plain-file'])
  })

  it('fails in words when the folder does not exist', async () => {
    const path = join(dir, 'missing', 'w.gradsheet')
    await expect(writeFileAtomic(path, 'x')).rejects.toThrow(`Cannot save to ${join(dir, 'missing')}: the folder does not exist.`)
  })

  it('leaves a folder in the way untouched when the rename cannot replace it', async () => {
    const path = join(dir, 'taken')
    await mkdir(path)
    await writeFile(join(path, 'inside.txt'), 'keep me')
    await expect(writeFileAtomic(path, 'x')).rejects.toThrow(/^Cannot replace .*taken: /)
    expect(await readFile(join(path, 'inside.txt'), 'utf8')).toBe('keep me')
    expect(await readdir(dir)).toEqual(['taken'])
  })

  it('leaves the old file intact when writing the new contents fails midway (disk full)', async () => {
    const path = join(dir, 'w.gradsheet')
    await writeFile(path, 'old contents')
    const fullDisk: AtomicWriteFs = {
      ...realFs,
      open: (async (...args: Parameters<typeof fsp.open>) => {
        const handle = await fsp.open(...args)
        return new Proxy(handle, {
          get(target, prop) {
            if (prop === 'writeFile') {
              return async (data: string) => {
                await target.writeFile(data.slice(0, 3))
                throw codeError('ENOSPC')
              }
            }
            const value = Reflect.get(target, prop)
            return typeof value === 'function' ? value.bind(target) : value
          },
        })
      }) as typeof fsp.open,
    }
    await expect(writeFileAtomic(path, 'new contents', fullDisk)).rejects.toThrow(`Cannot save to ${path}: the disk is full.`)
    expect(await readFile(path, 'utf8')).toBe('old contents')
    expect(await readdir(dir)).toEqual(['w.gradsheet'])
  })

  it('leaves the old file intact when the rename fails', async () => {
    const path = join(dir, 'w.gradsheet')
    await writeFile(path, 'old contents')
    const failingRename: AtomicWriteFs = { ...realFs, rename: async () => { throw codeError('EBUSY') } }
    await expect(writeFileAtomic(path, 'new', failingRename)).rejects.toThrow(`Cannot replace ${path}: the file is in use by another program.`)
    expect(await readFile(path, 'utf8')).toBe('old contents')
    expect(await readdir(dir)).toEqual(['w.gradsheet'])
  })

  it('serializes concurrent saves to the same path: they never overlap, the last one wins', async () => {
    const path = join(dir, 'w.gradsheet')
    let active = 0
    let maxActive = 0
    const tracking: AtomicWriteFs = {
      ...realFs,
      open: (async (...args: Parameters<typeof fsp.open>) => {
        if (!String(args[0]).endsWith('.tmp')) return fsp.open(...args) // the folder's fsync
        active++
        maxActive = Math.max(maxActive, active)
        await new Promise((r) => setTimeout(r, 5))
        return fsp.open(...args)
      }) as typeof fsp.open,
      rename: async (from, to) => {
        await fsp.rename(from, to)
        active--
      },
    }
    const contents = Array.from({ length: 12 }, (_, i) => `save ${i} `.repeat(20_000))
    await Promise.all(contents.map((text) => writeFileAtomic(path, text, tracking)))
    expect(maxActive).toBe(1)
    expect(await readFile(path, 'utf8')).toBe(contents[11])
    expect(await readdir(dir)).toEqual(['w.gradsheet'])
  })

  it('a failed save does not block the saves queued after it', async () => {
    const path = join(dir, 'w.gradsheet')
    const failingRename: AtomicWriteFs = { ...realFs, rename: async () => { throw codeError('EBUSY') } }
    const first = writeFileAtomic(path, 'a', failingRename)
    const second = writeFileAtomic(path, 'b')
    await expect(first).rejects.toThrow(/in use/)
    await second
    expect(await readFile(path, 'utf8')).toBe('b')
  })
})

describe('durability and links', () => {
  it('writes, fsyncs and closes the temp file, renames it over the target, then fsyncs the folder', async () => {
    const path = join(dir, 'durable.gradsheet')
    const steps: string[] = []
    const recording: AtomicWriteFs = {
      ...realFs,
      open: (async (...args: Parameters<typeof fsp.open>) => {
        const handle = await fsp.open(...args)
        const what = String(args[0]) === dir ? 'folder' : 'file'
        steps.push(`open ${what}`)
        return new Proxy(handle, {
          get(target, key) {
            const value = Reflect.get(target, key)
            if (typeof value !== 'function') return value
            return async (...a: unknown[]) => {
              if (key === 'writeFile' || key === 'sync' || key === 'close') steps.push(`${String(key)} ${what}`)
              return value.apply(target, a)
            }
          },
        })
      }) as typeof fsp.open,
      rename: async (from, to) => {
        steps.push('rename')
        return fsp.rename(from, to)
      },
    }
    await writeFileAtomic(path, workbook, recording)
    expect(steps).toEqual(['open file', 'writeFile file', 'sync file', 'close file', 'rename', 'open folder', 'sync folder', 'close folder'])
    expect(await readFile(path, 'utf8')).toBe(workbook)
  })

  it('saving to a symbolic link updates the file it points to and keeps the link', async () => {
    const realFolder = join(dir, 'real')
    await mkdir(realFolder)
    const real = join(realFolder, 'model.gradsheet')
    await writeFile(real, 'old')
    const link = join(dir, 'link.gradsheet')
    await symlink(real, link)
    await writeFileAtomic(link, workbook)
    expect((await lstat(link)).isSymbolicLink()).toBe(true)
    expect(await readlink(link)).toBe(real)
    expect(await readFile(real, 'utf8')).toBe(workbook)
    // The temp file was made beside the real target, and none is left over.
    expect((await readdir(realFolder)).sort()).toEqual(['model.gradsheet'])
    expect((await readdir(dir)).sort()).toEqual(['link.gradsheet', 'real'])
  })
})

describe('saveWorkbookFile', () => {
  it('returns the outcome the bridge expects, success or failure', async () => {
    const path = join(dir, 'book.gradsheet')
    expect(await saveWorkbookFile(path, workbook)).toEqual({ ok: true, path, name: 'book.gradsheet' })
    const bad = join(dir, 'book.gradsheet', 'x.gradsheet')
    expect(await saveWorkbookFile(bad, workbook)).toEqual({ ok: false, error: `Cannot save to ${path}: part of the path is a file, not a folder.` })
  })
})
