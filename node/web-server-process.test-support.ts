// Starts the real `npm run web` entry point (node/web-server-main.ts through tsx) as a
// child process, reads the address with its secret from the ready line, and calls the
// API the way the page does. Used by the crash tests (SIGKILL) and the lifecycle model.
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'

const repoRoot = join(import.meta.dirname, '..')

/** The ready line: the address with its secret (SPEC §7). */
export const READY_LINE = /Gradsheet web: (http:\/\/127\.0\.0\.1:\d+\/)\?token=([A-Za-z0-9_-]+)/

export interface ServerProcess {
  child: ChildProcess
  /** The base address (no secret) and the secret, once the server is ready. */
  ready: Promise<{ base: string; secret: string }>
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  output(): string
  /** POST /api/<method> with the secret; resolves with the parsed answer. */
  call(method: string, body: unknown): Promise<any>
}

export function startServerProcess(args: string[], env: Record<string, string>, cwd = repoRoot): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'node', 'web-server-main.ts'), ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  const ready = new Promise<{ base: string; secret: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line:\n${output}`)), 60_000)
    const onData = (chunk: Buffer) => {
      output += chunk
      const m = output.match(READY_LINE)
      if (m) {
        clearTimeout(timer)
        resolve({ base: m[1], secret: m[2] })
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', () => {
      clearTimeout(timer)
      reject(new Error(`exited early:\n${output}`))
    })
  })
  ready.catch(() => undefined)
  const call = async (method: string, body: unknown) => {
    const { base, secret } = await ready
    const response = await fetch(`${base}api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Gradsheet-Secret': secret },
      body: JSON.stringify(body),
    })
    return response.json()
  }
  return { child, ready, exited, output: () => output, call }
}
