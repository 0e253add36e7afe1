// The app's own origin. The renderer is served over a custom privileged protocol
// (app://gradsheet/…) rather than file://, so "is this our page?" is a plain origin
// comparison and a file on disk can never claim to be the app.

export const APP_SCHEME = 'app'
export const APP_HOST = 'gradsheet'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/** The privileges app:// needs: a standard, secure origin that can fetch and run module workers. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
} as const

/** True only for URLs of our own origin (app://gradsheet/…). */
export function isAppUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false
  try {
    const parsed = new URL(url)
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === ''
  } catch {
    return false
  }
}
