// Where code runs decides what it may import (docs/architecture.md): the host side
// (electron/, node/) and the shared bridge/ never import from renderer/ — code both sides
// need lives in bridge/. A host file reaching into the renderer would pull UI code (and
// its assumptions: a DOM, Solid) into the main process or the web server.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** Source files under `dir`; tests only when asked (an integration test may drive both sides). */
function sources(dir: string, tests: boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name), tests)
    : /\.(ts|mts|mjs|js)$/.test(d.name) && (tests || !/\.test\.\w+$/.test(d.name)) ? [join(dir, d.name)] : [],
  )
}

/** The files under `dirs` whose imports resolve into renderer/, as "file → import". */
function reachesRenderer(dirs: string[], tests = false): string[] {
  const renderer = join(ROOT, 'renderer') + '/'
  const out: string[] = []
  for (const file of dirs.flatMap((d) => sources(join(ROOT, d), tests))) {
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(/(?:^|\s)(?:import|export)\b[^'"]*?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
      const spec = m[1] ?? m[2]
      if (spec.startsWith('.') && (resolve(dirname(file), spec) + '/').startsWith(renderer)) out.push(`${relative(ROOT, file)} → ${spec}`)
    }
  }
  return out
}

describe('layering', () => {
  it('electron/, node/ and bridge/ never import from renderer/', () => {
    expect(reachesRenderer(['electron', 'node', 'bridge'])).toEqual([])
  })

  it('the check sees such an import (it does not pass vacuously)', () => {
    // node/'s integration tests drive the renderer's web bridge against the real server.
    expect(reachesRenderer(['node'], true)).toContain('node/document-lifecycle.test.ts → ../renderer/src/bridge/web-bridge')
  })
})
