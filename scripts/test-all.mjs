#!/usr/bin/env node
// The README's test command: unit tests (vitest), then the e2e suite (Playwright
// against Electron when its binary exists, otherwise the web build in Chromium).
// Prints one closing line, "N passed, N failed", counting both suites together, and
// writes it to .tmp/test-summary.txt so .ci/run can repeat it as its last line.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const root = new URL('..', import.meta.url).pathname
const tmp = join(root, '.tmp')
mkdirSync(tmp, { recursive: true })
const unitJson = join(tmp, 'vitest.json')
const e2eJson = join(tmp, 'playwright.json')
rmSync(unitJson, { force: true })
rmSync(e2eJson, { force: true })

function run(cmd, args, env = {}) {
  console.log(`\n$ ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  return r.status ?? 1
}

let passed = 0
let failed = 0

// Types: the whole tree, and the engine alone without DOM or Node types (it must run anywhere).
for (const project of ['tsconfig.json', 'engine/tsconfig.json']) {
  if (run('npx', ['tsc', '--noEmit', '-p', project]) === 0) passed += 1
  else {
    console.log(`typecheck: ${project} has type errors: counted as one failure`)
    failed += 1
  }
}

// Unit tests.
run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitJson}`])
if (existsSync(unitJson)) {
  const r = JSON.parse(readFileSync(unitJson, 'utf8'))
  passed += r.numPassedTests
  failed += r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0)
  // A test file that failed to load counts as a failure, not as zero tests.
  failed += (r.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length
} else {
  console.log('unit: vitest wrote no report: counted as one failure')
  failed += 1
}

// End-to-end tests: build the app, then Playwright.
if (run('npx', ['electron-vite', 'build']) !== 0) {
  console.log('e2e: the app did not build: counted as one failure')
  failed += 1
} else {
  run('npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson })
  if (existsSync(e2eJson)) {
    const r = JSON.parse(readFileSync(e2eJson, 'utf8'))
    const s = r.stats ?? {}
    passed += s.expected ?? 0
    failed += (s.unexpected ?? 0) + (s.flaky ?? 0)
    // Skipped e2e tests are not passes: they are reported as failures so none hides.
    failed += s.skipped ?? 0
    if ((r.errors ?? []).length > 0) failed += r.errors.length
  } else {
    console.log('e2e: Playwright wrote no report: counted as one failure')
    failed += 1
  }
}

const line = `${passed} passed, ${failed} failed`
writeFileSync(join(tmp, 'test-summary.txt'), line + '\n')
console.log(`\n${line}`)
process.exit(failed === 0 && passed > 0 ? 0 : 1)
