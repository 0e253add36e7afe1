// Maps a request path to a file inside the built renderer (out/renderer), for both the
// web server and Electron's app:// protocol. Anything that would leave the root
// (`..`, encoded slashes, NUL bytes, absolute paths) is refused, never served.
import { extname, resolve, sep } from 'node:path'

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
}

export function mimeTypeFor(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

export type StaticResolution =
  | { ok: true; file: string; mime: string }
  | { ok: false; status: 400 | 404; reason: string }

/**
 * `pathname` is the URL's path, still percent-encoded ("/assets/index-abc.js").
 * "/" serves index.html.
 */
export function resolveStaticFile(root: string, pathname: string): StaticResolution {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return { ok: false, status: 400, reason: 'the path is not valid percent-encoding' }
  }
  if (decoded.includes('\0')) return { ok: false, status: 400, reason: 'the path contains a NUL byte' }
  if (decoded.includes('\\')) return { ok: false, status: 400, reason: 'the path contains a backslash' }
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.')
  if (segments.some((s) => s === '..')) return { ok: false, status: 400, reason: 'the path leaves the app folder' }
  const relative = segments.length === 0 ? 'index.html' : segments.join('/')
  const absoluteRoot = resolve(root)
  const file = resolve(absoluteRoot, relative)
  // Belt and braces: the resolved file must still be inside the root.
  if (file !== absoluteRoot && !file.startsWith(absoluteRoot + sep)) {
    return { ok: false, status: 400, reason: 'the path leaves the app folder' }
  }
  return { ok: true, file, mime: mimeTypeFor(file) }
}
