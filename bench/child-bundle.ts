// The benchmark child as one esbuild bundle, built at the start of each run. The app runs
// the engine bundled (its worker is a Vite build) and so should the figures: under tsx,
// which compiles each source file on its own as it is imported, the same engine edit
// measured 10–25 % slower and the single-file tape ~9 % slower (docs/benchmarks.md,
// "Bundled benchmark child"). Every system is measured from the same bundle, so the
// ratios compare like with like. Packages (HyperFormula, math.js) stay imports from
// node_modules, which is why the bundle is written inside the repository.
import { build } from 'esbuild'
import { join } from 'node:path'

/** Builds bench/child.ts into bench/.cache/child.mjs (git-ignored) and returns its path. */
export async function buildChildBundle(benchDir: string): Promise<string> {
  const outfile = join(benchDir, '.cache', 'child.mjs')
  await build({
    entryPoints: [join(benchDir, 'child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  })
  return outfile
}
