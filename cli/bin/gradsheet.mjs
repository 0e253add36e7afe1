#!/usr/bin/env node
// Launcher for `npx gradsheet`: registers tsx so the TypeScript sources run as they
// are, right after `npm ci`, with no build step.
import { register } from 'tsx/esm/api'

register()
// `gradsheet eval big.gradsheet | head`: a closed pipe ends the output, not in a crash.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})
const { main } = await import('../main.ts')
process.exitCode = await main(process.argv.slice(2))
