// The launcher's choice between the prebuilt bundle and the sources (bundle.mjs,
// cli/bin/gradsheet.mjs): the bundle runs only when it was built from exactly the files
// there are now, and it prints byte for byte what the sources print.
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildBundle, freshBundle } from './bundle.mjs'

const root = resolve(import.meta.dirname, '..', '..')
const launcher = join(root, 'cli/bin/gradsheet.mjs')

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gradsheet-bundle-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('a bundle runs only while it matches the files it was built from', () => {
  // A tiny project: an entry, a file it imports, and a package from node_modules.
  let project: string
  let outDir: string
  const write = (path: string, text: string) => {
    mkdirSync(resolve(project, path, '..'), { recursive: true })
    writeFileSync(join(project, path), text)
  }
  beforeAll(() => {
    project = join(dir, 'project')
    outDir = join(project, 'out', 'cli')
    write('package.json', '{"type":"module"}')
    write('src/main.ts', "import { word } from './dep.ts'\nimport pad from 'padder'\nexport const main = (): string => pad(word)\n")
    write('src/dep.ts', "export const word: string = 'one'\n")
    write('node_modules/padder/package.json', '{"name":"padder","version":"1.0.0","main":"index.js"}')
    write('node_modules/padder/index.js', "module.exports = (s) => '[' + s + ']'\n")
  })
  const build = () => buildBundle({ root: project, entry: 'src/main.ts', outDir })
  const fresh = () => freshBundle({ root: project, outDir })

  it('no bundle yet: the sources run', () => {
    expect(fresh()).toMatchObject({ entry: null, reason: expect.stringContaining('no bundle') })
  })

  it('a fresh bundle runs, and is the code of the sources', async () => {
    const manifest = await build()
    expect(Object.keys(manifest.inputs)).toEqual(['node_modules/padder/package.json', 'package.json', 'src/dep.ts', 'src/main.ts'])
    const chosen = fresh()
    expect(chosen.entry).toBe(join(outDir, manifest.build, 'main.js'))
    const { main } = await import(pathToFileURL(chosen.entry!).href)
    expect(main()).toBe('[one]')
  })

  it('a changed source makes it stale; the same bytes again make it fresh (content, not times)', () => {
    write('src/dep.ts', "export const word: string = 'two'\n")
    expect(fresh()).toEqual({ entry: null, reason: 'src/dep.ts changed since the bundle was built' })
    write('src/dep.ts', "export const word: string = 'one'\n")
    expect(fresh().entry).not.toBeNull()
  })

  it('a removed source, another version of a package, or changed build settings make it stale', () => {
    rmSync(join(project, 'src/dep.ts'))
    expect(fresh()).toEqual({ entry: null, reason: 'src/dep.ts is gone since the bundle was built' })
    write('src/dep.ts', "export const word: string = 'one'\n")
    write('node_modules/padder/package.json', '{"name":"padder","version":"1.0.1","main":"index.js"}')
    expect(fresh().reason).toBe('node_modules/padder/package.json changed since the bundle was built')
    write('node_modules/padder/package.json', '{"name":"padder","version":"1.0.0","main":"index.js"}')
    write('package.json', '{"type":"module","scripts":{}}')
    expect(fresh().reason).toBe('package.json changed since the bundle was built')
    write('package.json', '{"type":"module"}')
    expect(fresh().entry).not.toBeNull()
  })

  it('a damaged bundle directory makes it stale, never an error', async () => {
    const manifest = await build()
    const entry = join(outDir, manifest.build, 'main.js')
    const text = readFileSync(entry, 'utf8')
    writeFileSync(entry, text.slice(0, -1))
    expect(fresh()).toEqual({ entry: null, reason: "the bundle's main.js is missing or damaged" })
    rmSync(entry)
    expect(fresh()).toEqual({ entry: null, reason: "the bundle's main.js is missing or damaged" })
    writeFileSync(entry, text)
    expect(fresh().entry).toBe(entry)
    const builder = manifest.builder
    const valid = { format: 1, build: 'ab', entry: 'main.js', builder, inputs: {}, outputs: { 'main.js': 1 } }
    for (const damaged of ['{', 'null', JSON.stringify({ ...valid, build: '../x' }), JSON.stringify({ ...valid, format: 2 }), JSON.stringify({ ...valid, builder: undefined }), JSON.stringify({ ...valid, outputs: {} })]) {
      writeFileSync(join(outDir, 'manifest.json'), damaged)
      expect(fresh()).toMatchObject({ entry: null, reason: expect.stringContaining('no bundle') })
    }
    writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(valid))
    expect(fresh()).toEqual({ entry: null, reason: 'the bundle lists no sources' })
    writeFileSync(join(outDir, 'manifest.json'), JSON.stringify({ ...manifest, builder: '0'.repeat(64) }))
    expect(fresh()).toEqual({ entry: null, reason: 'the bundle was built by another version of cli/launch/bundle.mjs' })
  })

  it('a rebuild keeps the build it replaces (a running command may still load a chunk of it) and removes older ones', async () => {
    rmSync(outDir, { recursive: true, force: true })
    const first = await build()
    write('src/dep.ts', "export const word: string = 'two'\n")
    const second = await build()
    write('src/dep.ts', "export const word: string = 'three'\n")
    const third = await build()
    expect(new Set([first.build, second.build, third.build]).size).toBe(3)
    expect(readdirSync(outDir).sort()).toEqual([second.build, third.build, 'manifest.json'].sort())
    const { main } = await import(pathToFileURL(fresh().entry!).href)
    expect(main()).toBe('[three]')
  })
})

interface Run {
  code: number
  stdout: string
  stderr: string
}

function gradsheet(env: Record<string, string>, ...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [launcher, ...args], { cwd: root, timeout: 60_000, env: { ...process.env, GRADSHEET_LAUNCH_TRACE: '1', ...env } }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr })
    })
  })
}

describe('the launcher and the real command', () => {
  let bundleDir: string
  beforeAll(async () => {
    bundleDir = join(dir, 'cli-bundle')
    await buildBundle({ outDir: bundleDir })
  })
  const bundled = { GRADSHEET_BUNDLE_DIR: '' }
  beforeAll(() => {
    bundled.GRADSHEET_BUNDLE_DIR = bundleDir
  })

  it('runs the bundle when it is fresh, the sources when there is none or when asked to', async () => {
    const fromBundle = await gradsheet(bundled, '--help')
    expect(fromBundle.stderr).toMatch(/^gradsheet: running the bundle .*cli-bundle.*main\.js\n$/)
    const empty = join(dir, 'no-bundle')
    mkdirSync(empty)
    const fromSources = await gradsheet({ GRADSHEET_BUNDLE_DIR: empty }, '--help')
    expect(fromSources.stderr).toMatch(/^gradsheet: running the TypeScript sources through tsx \(no bundle in .*no-bundle/)
    const asked = await gradsheet({ ...bundled, GRADSHEET_SOURCE: '1' }, '--help')
    expect(asked.stderr).toBe('gradsheet: running the TypeScript sources through tsx (GRADSHEET_SOURCE=1)\n')
    expect(fromBundle.stdout).toBe(fromSources.stdout)
    expect(fromBundle.code).toBe(0)
  })

  it('prints the same bytes and exit codes from the bundle as from the sources: eval, --json, Excel in and out, errors', async () => {
    const xlsx = join(dir, 'example2.xlsx')
    const commands = [
      ['eval', 'examples/reference-example-1.gradsheet'],
      ['eval', 'examples/reference-example-2.gradsheet', '--set', 'w=2.5', '--json'],
      ['convert', 'examples/xor-mlp.gradsheet', '--out', xlsx],
      ['eval', xlsx, '--json'],
      ['sensitivity', 'examples/linear-regression.gradsheet', '--top', '3'],
      ['eval', join(dir, 'missing.gradsheet')],
      ['eval', 'examples/reference-example-1.gradsheet', '--only', 'ZZZ0'],
    ]
    for (const args of commands) {
      const source = await gradsheet({ GRADSHEET_SOURCE: '1' }, ...args)
      const bundle = await gradsheet(bundled, ...args)
      const withoutTrace = (run: Run) => ({ ...run, stderr: run.stderr.replace(/^gradsheet: running .*\n/, '') })
      expect(withoutTrace(bundle), args.join(' ')).toEqual(withoutTrace(source))
      expect(bundle.stderr).toMatch(/^gradsheet: running the bundle /)
    }
    expect(existsSync(xlsx)).toBe(true)
  })
})
