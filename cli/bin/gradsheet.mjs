#!/usr/bin/env node
// Launcher for `npx gradsheet`. Runs the prebuilt bundle (out/cli, made by `npm ci`
// through the `prepare` script, or `npm run build:cli`) when it was built from exactly
// the sources there are now: it starts ~1.3 s sooner and uses ~100 MB less memory than
// the sources through tsx (issue 12: peak memory of `gradsheet eval`). Otherwise — no
// bundle, or any source changed since it was built — it registers tsx and runs
// cli/main.ts as it is, so stale code never runs. docs/cli.md, "How the command runs".
//   GRADSHEET_SOURCE=1       always run the sources through tsx
//   GRADSHEET_LAUNCH_TRACE=1 say on stderr which one runs, and why
//   GRADSHEET_BUNDLE_DIR     look for the bundle there instead of out/cli (tests)
import { pathToFileURL } from 'node:url'
import { DEFAULT_BUNDLE_DIR, freshBundle } from '../launch/bundle.mjs'

const choice = process.env.GRADSHEET_SOURCE === '1'
  ? { entry: null, reason: 'GRADSHEET_SOURCE=1' }
  : freshBundle({ outDir: process.env.GRADSHEET_BUNDLE_DIR || DEFAULT_BUNDLE_DIR })
if (process.env.GRADSHEET_LAUNCH_TRACE === '1') {
  process.stderr.write(choice.entry !== null
    ? `gradsheet: running the bundle ${choice.entry}\n`
    : `gradsheet: running the TypeScript sources through tsx (${choice.reason})\n`)
}
// `gradsheet eval big.gradsheet | head`: a closed pipe ends the output, not in a crash.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})
let main
if (choice.entry !== null) {
  ({ main } = await import(pathToFileURL(choice.entry).href))
} else {
  const { register } = await import('tsx/esm/api')
  register()
  ;({ main } = await import('../main.ts'))
}
process.exitCode = await main(process.argv.slice(2))
