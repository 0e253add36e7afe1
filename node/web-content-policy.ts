// The one Content-Security-Policy for the app's pages, whoever serves them: Electron's
// app:// protocol handler and the `npm run web` server send it as a header, and
// renderer/index.html repeats it in a <meta> tag. No 'unsafe-eval' and no inline
// scripts: a workbook can only ever compute. Inline styles stay allowed because the
// grid positions cells with style attributes. Keep this list and the meta tag in
// renderer/index.html identical (a test compares them).

const DIRECTIVES: Array<[string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['worker-src', "'self' blob:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
]

/** The policy as a <meta http-equiv> tag may carry it (frame-ancestors is header-only). */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ')

/** The policy sent as an HTTP header: the meta policy plus header-only directives. */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`

/** Parse a policy string into directive → source list, for tests and comparisons. */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>()
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/)
    if (name) directives.set(name.toLowerCase(), sources)
  }
  return directives
}

/** Headers every response of the app carries, besides its content type. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  }
}
