// Command-line arguments of `npm run web`: [--port PORT] [FILE].
import type { Checked } from './bridge-arguments'

export const DEFAULT_WEB_PORT = 5173
export const WEB_USAGE = 'Usage: npm run web -- [--port PORT] [FILE.gradsheet]'

export interface WebArgs {
  port: number
  file: string | null
}

export function parseWebArgs(argv: string[]): Checked<WebArgs> {
  let port = DEFAULT_WEB_PORT
  let file: string | null = null
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--port' || arg.startsWith('--port=')) {
      const text = arg === '--port' ? argv[++i] : arg.slice('--port='.length)
      const value = Number(text)
      if (text === undefined || !/^\d+$/.test(text) || value > 65535) {
        return { ok: false, error: `--port needs a port number from 0 to 65535, not "${text ?? ''}".` }
      }
      port = value
    } else if (arg === '--') {
      continue
    } else if (arg.startsWith('-')) {
      return { ok: false, error: `Unknown option "${arg}".` }
    } else if (file === null) {
      file = arg
    } else {
      return { ok: false, error: `Only one FILE can be opened; got "${file}" and "${arg}".` }
    }
  }
  return { ok: true, value: { port, file } }
}
