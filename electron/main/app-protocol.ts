// Serving the renderer over app://gradsheet/… (a privileged custom protocol) instead of
// file://: each response carries the CSP header, and only files inside out/renderer
// can ever be served.
import { readFile } from 'node:fs/promises'
import { securityHeaders } from '../../node/web-content-policy'
import { resolveStaticFile } from '../../node/web-static-files'
import { APP_HOST, APP_SCHEME } from './app-origin'

export interface AppResponse {
  status: number
  headers: Record<string, string>
  body: Uint8Array | string
}

export async function appProtocolResponse(url: string, rendererRoot: string): Promise<AppResponse> {
  const notFound = (why: string): AppResponse => ({
    status: 404,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
    body: `Not served: ${why}.`,
  })
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return notFound('the address is not valid')
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return notFound('the address is not part of the app')
  const resolved = resolveStaticFile(rendererRoot, parsed.pathname)
  if (!resolved.ok) return notFound(resolved.reason)
  try {
    const body = await readFile(resolved.file)
    return { status: 200, headers: { ...securityHeaders(), 'Content-Type': resolved.mime }, body }
  } catch {
    return notFound('no such file')
  }
}
