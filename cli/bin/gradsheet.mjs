#!/usr/bin/env node
// Launcher for `npx gradsheet`: registers tsx so the TypeScript sources run as they
// are, right after `npm ci`, with no build step.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../main.ts')
process.exitCode = await main(process.argv.slice(2))
