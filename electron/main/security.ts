// The Electron security checklist's handlers as plain functions, so tests exercise
// exactly what the main process installs (electron/main/index.ts only wires them).
import { isAppUrl } from './app-origin'

/** Pages may never navigate away from the app (a link, a drag-and-dropped file, a redirect). */
export function handleWillNavigate(event: { preventDefault(): void; url?: unknown }, url?: string): void {
  // Electron passes the target both on the event (current API) and as an argument (older).
  const target = typeof event.url === 'string' ? event.url : url
  if (!isAppUrl(target)) event.preventDefault()
}

/**
 * window.open and target=_blank never create a window. An allow-listed https link is
 * handed to the system browser instead.
 */
export function windowOpenHandler(
  details: { url: string },
  openExternal: (url: string) => void,
): { action: 'deny' } {
  if (isAllowedExternalUrl(details.url)) openExternal(details.url)
  return { action: 'deny' }
}

/** Every permission (camera, notifications, geolocation, clipboard-read, …) is refused. */
export function permissionRequestHandler(
  _webContents: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(false)
}

export function permissionCheckHandler(): boolean {
  return false
}

/** <webview> is never attached: the app has none, so any attempt is hostile. */
export function handleWillAttachWebview(event: { preventDefault(): void }): void {
  event.preventDefault()
}

/** Hosts whose pages the app may open in the system browser (project links in About / Help). */
export const EXTERNAL_URL_ALLOW_LIST: readonly string[] = ['mathjs.org', 'www.electronjs.org', 'github.com']

export function isAllowedExternalUrl(url: unknown): boolean {
  if (typeof url !== 'string' || url.length > 2048) return false
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && parsed.port === '' && EXTERNAL_URL_ALLOW_LIST.includes(parsed.hostname)
  } catch {
    return false
  }
}

/** A frame as IPC events carry it (event.senderFrame): null once it has gone away. */
export interface SenderFrame {
  url: string
  parent: unknown | null
}

/** IPC is answered only for the top-level frame of our own app:// page. */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame) return false
  if (frame.parent !== null && frame.parent !== undefined) return false
  return isAppUrl(frame.url)
}
