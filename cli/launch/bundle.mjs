// The `gradsheet` command as one prebuilt bundle, and the check that it is current.
//
// Why: running the TypeScript sources through tsx costs ~100 MB of resident memory
// and ~1.3 s before any workbook is read (esbuild transforms every module at run time,
// math.js's `number` entry creates every function); a bundle built ahead of time with
// code splitting keeps only what the command uses (math.js's `create` and parser,
// package `sideEffects: false`) and loads the Excel code only for .xlsx files (issue 12:
// peak memory of `gradsheet eval` on a 1M-cell file). docs/cli.md, "How the command runs".
//
// Never stale: the build records a content hash of every local file it bundled (exactly
// the bytes esbuild was given), of each bundled package's package.json, and of the root
// package.json and tsconfig.json. The launcher runs the bundle only when every one of
// them still hashes the same; otherwise it runs the sources through tsx.
//
// Plain JavaScript: it runs before tsx is registered (or instead of it).
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'

/** The repository (the folder holding cli/). */
export const ROOT = resolve(import.meta.dirname, '..', '..')
/** Where `npm run build:cli` (and `npm ci`, through `prepare`) puts the bundle; gitignored. */
export const DEFAULT_BUNDLE_DIR = join(ROOT, 'out', 'cli')
const MANIFEST = 'manifest.json'
const FORMAT = 1
/** Files outside the module graph that change how esbuild compiles it. */
const BUILD_SETTINGS = ['package.json', 'tsconfig.json']

const hashOf = (bytes) => createHash('sha256').update(bytes).digest('hex')
/** This file's hash: how the bundle is built (options, banner) is part of what it was built from. */
const builderHash = () => hashOf(readFileSync(import.meta.filename))
const slash = (path) => path.split(sep).join('/')

/**
 * Builds `entry` (a path relative to `root`) into `outDir/<build id>/` and records what it
 * was built from in `outDir/manifest.json` (written last, by rename, so a reader sees the
 * old complete build or the new one). Builds other than the new one and the one it
 * replaces are removed (a process still running the replaced one may load a chunk late).
 * Returns the manifest.
 */
export async function buildBundle({ root = ROOT, entry = 'cli/main.ts', outDir = DEFAULT_BUNDLE_DIR } = {}) {
  const { build } = await import('esbuild')
  const inputs = {}
  // Local files are read here, hashed, and handed to esbuild: the hash is of the very bytes bundled.
  const hashWhatIsBundled = {
    name: 'hash-local-sources',
    setup(b) {
      // Every file esbuild loads from the repository, whatever its kind (esbuild picks the loader by extension).
      b.onLoad({ filter: /.*/, namespace: 'file' }, (args) => {
        const rel = slash(relative(root, args.path))
        if (rel.startsWith('..') || rel.split('/').includes('node_modules')) return undefined
        const bytes = readFileSync(args.path)
        inputs[rel] = hashOf(bytes)
        return { contents: bytes, loader: 'default' }
      })
    },
  }
  mkdirSync(outDir, { recursive: true })
  const temp = join(outDir, `.building-${process.pid}-${Date.now()}`)
  try {
    const result = await build({
      absWorkingDir: root,
      entryPoints: { main: join(root, entry) },
      bundle: true,
      platform: 'node',
      format: 'esm',
      splitting: true,
      outdir: temp,
      metafile: true,
      logLevel: 'warning',
      // Bundled CommonJS packages (ExcelJS and its dependencies) call require() for Node's modules.
      banner: { js: "import { createRequire as __gradsheetCreateRequire } from 'node:module'; const require = __gradsheetCreateRequire(import.meta.url);" },
      plugins: [hashWhatIsBundled],
    })
    for (const path of packageJsonsOf(Object.keys(result.metafile.inputs), root)) inputs[path] = hashOf(readFileSync(join(root, path)))
    for (const path of BUILD_SETTINGS) if (existsSync(join(root, path))) inputs[path] = hashOf(readFileSync(join(root, path)))
    const sorted = Object.fromEntries(Object.entries(inputs).sort(([a], [b]) => (a < b ? -1 : 1)))
    const id = hashOf(builderHash() + JSON.stringify(sorted)).slice(0, 16)
    const previous = readManifest(outDir)
    if (existsSync(join(outDir, id))) rmSync(temp, { recursive: true, force: true })
    else renameSync(temp, join(outDir, id))
    // The files it made and their sizes: a chunk removed or cut short is found before it is needed (a lazy import would fail mid-command).
    const outputs = Object.fromEntries(readdirSync(join(outDir, id)).sort().map((name) => [name, statSync(join(outDir, id, name)).size]))
    const manifest = { format: FORMAT, build: id, entry: 'main.js', builder: builderHash(), inputs: sorted, outputs }
    const tempManifest = join(outDir, `.${MANIFEST}.${process.pid}`)
    writeFileSync(tempManifest, JSON.stringify(manifest, null, 1) + '\n')
    renameSync(tempManifest, join(outDir, MANIFEST))
    const keep = new Set([id, previous?.build])
    for (const name of readdirSync(outDir)) {
      if (name === MANIFEST || keep.has(name)) continue
      // Another build's temp folder may still be in progress: leave young ones alone.
      if (name.startsWith('.') && Date.now() - statSync(join(outDir, name)).mtimeMs < 10 * 60_000) continue
      rmSync(join(outDir, name), { recursive: true, force: true })
    }
    return manifest
  } finally {
    rmSync(temp, { recursive: true, force: true })
  }
}

/** The package.json of every package a bundled file comes from (its version and entry points). */
function packageJsonsOf(inputPaths, root) {
  const found = new Set()
  for (const input of inputPaths) {
    const parts = slash(input).split('/')
    const at = parts.lastIndexOf('node_modules')
    if (at < 0) continue
    const nameLength = parts[at + 1]?.startsWith('@') ? 2 : 1
    const path = [...parts.slice(0, at + 1 + nameLength), 'package.json'].join('/')
    if (existsSync(join(root, path))) found.add(path)
  }
  return [...found]
}

function readManifest(outDir) {
  try {
    const manifest = JSON.parse(readFileSync(join(outDir, MANIFEST), 'utf8'))
    const valid = manifest?.format === FORMAT && typeof manifest.build === 'string' && /^[0-9a-f]+$/.test(manifest.build) &&
      manifest.entry === 'main.js' && typeof manifest.builder === 'string' && manifest.inputs !== null && typeof manifest.inputs === 'object' &&
      manifest.outputs !== null && typeof manifest.outputs === 'object' && typeof manifest.outputs['main.js'] === 'number'
    return valid ? manifest : null
  } catch {
    return null
  }
}

/**
 * The bundle's entry file when the bundle in `outDir` was built from exactly the files
 * there are now and is whole (`{ entry }`), else why not (`{ entry: null, reason }`): no
 * bundle, a file changed or removed, another package version, a chunk missing or cut short.
 */
export function freshBundle({ root = ROOT, outDir = DEFAULT_BUNDLE_DIR } = {}) {
  const manifest = readManifest(outDir)
  if (manifest === null) return { entry: null, reason: `no bundle in ${outDir} (npm run build:cli makes one)` }
  if (manifest.builder !== builderHash()) return { entry: null, reason: 'the bundle was built by another version of cli/launch/bundle.mjs' }
  const paths = Object.keys(manifest.inputs)
  if (paths.length === 0) return { entry: null, reason: 'the bundle lists no sources' }
  for (const path of paths) {
    let bytes
    try {
      bytes = readFileSync(join(root, path))
    } catch {
      return { entry: null, reason: `${path} is gone since the bundle was built` }
    }
    if (hashOf(bytes) !== manifest.inputs[path]) return { entry: null, reason: `${path} changed since the bundle was built` }
  }
  for (const [name, size] of Object.entries(manifest.outputs)) {
    let actual = -1
    try {
      actual = statSync(join(outDir, manifest.build, name)).size
    } catch {}
    if (actual !== size) return { entry: null, reason: `the bundle's ${name} is missing or damaged` }
  }
  return { entry: join(outDir, manifest.build, manifest.entry) }
}

/** `node cli/launch/bundle.mjs [--optional]`: build the bundle (npm run build:cli; `prepare` passes --optional so an install never fails on it). */
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const optional = process.argv.includes('--optional')
  const start = performance.now()
  try {
    const manifest = await buildBundle()
    const where = slash(relative(process.cwd(), join(DEFAULT_BUNDLE_DIR, manifest.build))) || '.'
    console.log(`gradsheet: built the command's bundle in ${where} from ${Object.keys(manifest.inputs).length} files (${Math.round(performance.now() - start)} ms)`)
  } catch (error) {
    console.error(`gradsheet: could not build the command's bundle (${error?.message ?? error}); \`gradsheet\` will run the TypeScript sources through tsx instead`)
    if (!optional) process.exitCode = 1
  }
}

