// Saving under faults, injected at every step of the atomic write: whatever fails and
// however, the old file stays byte for byte, no temporary file is left behind, and the
// error says in words what happened to which file. (Tests run as root here, so denied
// permissions and read-only disks are injected as the errors the OS would raise.)
import { promises as fsp } from 'node:fs'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { saveWorkbookFile, writeFileAtomic, type AtomicWriteFs } from './file-store.ts'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gradsheet-faults-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const realFs: AtomicWriteFs = { open: fsp.open, rename: fsp.rename, unlink: fsp.unlink, stat: fsp.stat, realpath: fsp.realpath }
const codeError = (code: string) => Object.assign(new Error(`${code}: simulated`), { code })

type Step = 'open' | 'writeFile' | 'sync' | 'close' | 'rename'
const STEPS: Step[] = ['open', 'writeFile', 'sync', 'close', 'rename']
const FAULTS: [string, RegExp][] = [
  ['ENOSPC', /the disk is full\.$/],
  ['EACCES', /permission denied\.$/],
  ['EPERM', /permission denied\.$/],
  ['EROFS', /the disk is read-only\.$/],
  ['EBUSY', /in use by another program\.$/],
  ['EIO', /EIO: simulated$/],
]

/** A file system whose `step` fails with `code` (after writing part of the data, for writeFile). */
function failing(step: Step, code: string): AtomicWriteFs {
  const fail = () => Promise.reject(codeError(code))
  if (step === 'open') return { ...realFs, open: fail as typeof fsp.open }
  if (step === 'rename') return { ...realFs, rename: fail }
  return {
    ...realFs,
    open: (async (...args: Parameters<typeof fsp.open>) => {
      const handle = await fsp.open(...args)
      return new Proxy(handle, {
        get(target, prop) {
          if (prop === step) {
            return async (data?: string) => {
              if (step === 'writeFile' && typeof data === 'string') await target.writeFile(data.slice(0, data.length >> 1))
              if (step === 'close') await target.close()
              throw codeError(code)
            }
          }
          const value = Reflect.get(target, prop)
          return typeof value === 'function' ? value.bind(target) : value
        },
      })
    }) as typeof fsp.open,
  }
}

describe('every fault at every step of a save', () => {
  for (const step of STEPS)
    for (const [code, message] of FAULTS)
      it(`${code} during ${step}: old file intact, no temp file, a message in words`, async () => {
        const path = join(dir, 'work.gradsheet')
        await writeFile(path, 'old contents ✓')
        const error = await writeFileAtomic(path, 'new contents '.repeat(1000), failing(step, code)).then(() => null, (e: Error) => e)
        expect(error).toBeInstanceOf(Error)
        expect(error!.message).toContain(step === 'open' ? dir : path)
        expect(error!.message).toMatch(message)
        expect(error!.message).not.toMatch(/\n\s+at /) // never a stack trace
        expect(await readFile(path, 'utf8')).toBe('old contents ✓')
        expect(await readdir(dir)).toEqual(['work.gradsheet'])
        // The path is usable again right after the failure.
        await writeFileAtomic(path, 'later')
        expect(await readFile(path, 'utf8')).toBe('later')
      })
})

describe('the world changing underneath a save', () => {
  it('a file replaced by another program during the save ends up whole: ours, never a mix', async () => {
    const path = join(dir, 'shared.gradsheet')
    await writeFile(path, 'original')
    const meddling: AtomicWriteFs = {
      ...realFs,
      rename: async (from, to) => {
        await writeFile(path, 'written by another program meanwhile') // replaced underneath
        await fsp.rename(from, to)
      },
    }
    await writeFileAtomic(path, 'ours', meddling)
    expect(await readFile(path, 'utf8')).toBe('ours')
    expect(await readdir(dir)).toEqual(['shared.gradsheet'])
  })

  it('the folder vanishing before the save is an error in words, and nothing is created', async () => {
    const folder = join(dir, 'gone')
    await fsp.mkdir(folder)
    await rm(folder, { recursive: true })
    const outcome = await saveWorkbookFile(join(folder, 'w.gradsheet'), 'x')
    expect(outcome).toEqual({ ok: false, error: `Cannot save to ${folder}: the folder does not exist.` })
    expect(await readdir(dir)).toEqual([])
  })

  it('50 concurrent saves, every third failing, never interleave: the file is the last save that succeeded', async () => {
    const path = join(dir, 'busy.gradsheet')
    await writeFile(path, 'start')
    const texts = Array.from({ length: 50 }, (_, i) => `version ${i} `.repeat(2000))
    const outcomes = await Promise.all(
      texts.map((text, i) => writeFileAtomic(path, text, i % 3 === 2 ? failing(STEPS[i % STEPS.length], 'ENOSPC') : realFs).then(() => true, () => false)),
    )
    const lastGood = outcomes.lastIndexOf(true)
    expect(outcomes.filter((ok) => !ok)).toHaveLength(16)
    expect(await readFile(path, 'utf8')).toBe(texts[lastGood])
    expect(await readdir(dir)).toEqual(['busy.gradsheet'])
  })

  it('the bridge outcome carries the message the renderer shows as "Could not save: …"', async () => {
    const path = join(dir, 'w.gradsheet')
    await writeFile(path, 'old')
    // saveWorkbookFile uses the real file system: a folder where the file should be is a real fault.
    await rm(path)
    await fsp.mkdir(path)
    const outcome = await saveWorkbookFile(path, 'new')
    expect(outcome.ok).toBe(false)
    if (!outcome.ok) expect(outcome.error).toMatch(/^Cannot replace .*w\.gradsheet: /)
  })
})
