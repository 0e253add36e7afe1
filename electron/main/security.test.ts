import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER, parsePolicy } from '../../node/web-content-policy'
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, isAppUrl } from './app-origin'
import {
  handleWillAttachWebview,
  handleWillNavigate,
  isAllowedExternalUrl,
  isTrustedSender,
  permissionCheckHandler,
  permissionRequestHandler,
  windowOpenHandler,
} from './security'

const repoRoot = join(import.meta.dirname, '..', '..')

describe('content security policy', () => {
  const policy = parsePolicy(CONTENT_SECURITY_POLICY_HEADER)

  it('allows scripts only from the app itself: no eval, no inline scripts', () => {
    expect(policy.get('script-src')).toEqual(["'self'"])
    expect(CONTENT_SECURITY_POLICY_HEADER).not.toContain('unsafe-eval')
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'")
    expect(policy.get('worker-src')).not.toContain("'unsafe-eval'")
    expect(policy.get('worker-src')).not.toContain("'unsafe-inline'")
  })

  it('limits everything else to the app and blocks plugins, base rewriting, forms and framing', () => {
    expect(policy.get('default-src')).toEqual(["'self'"])
    expect(policy.get('form-action')).toEqual(["'none'"])
    expect(policy.get('object-src')).toEqual(["'none'"])
    expect(policy.get('base-uri')).toEqual(["'none'"])
    expect(policy.get('frame-ancestors')).toEqual(["'none'"])
    expect(policy.get('connect-src')).toEqual(["'self'"])
  })

  it('the header policy is the meta policy plus header-only directives', () => {
    expect(CONTENT_SECURITY_POLICY_HEADER.startsWith(CONTENT_SECURITY_POLICY)).toBe(true)
    expect(parsePolicy(CONTENT_SECURITY_POLICY).has('frame-ancestors')).toBe(false)
  })

  it('renderer/index.html carries the same policy in its meta tag', () => {
    const html = readFileSync(join(repoRoot, 'renderer', 'index.html'), 'utf8')
    const meta = html.match(/<meta[^>]+http-equiv=["']Content-Security-Policy["'][^>]*>/i)
    expect(meta, 'renderer/index.html should carry the CSP meta tag').not.toBeNull()
    const quoted = meta![0].match(/content=(?:"([^"]*)"|'([^']*)')/i)
    const content = quoted?.[1] ?? quoted?.[2] ?? ''
    expect(parsePolicy(content)).toEqual(parsePolicy(CONTENT_SECURITY_POLICY))
  })

  it('the page has no inline script the policy would block', () => {
    const html = readFileSync(join(repoRoot, 'renderer', 'index.html'), 'utf8')
    expect(html).toMatch(/<script[^>]*\bsrc=/i)
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/i)
    expect(html).not.toMatch(/\son[a-z]+=/i) // no inline event handler attributes either
  })
})

describe('app origin', () => {
  it('recognises only app://gradsheet URLs as the app', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true)
    expect(isAppUrl('app://gradsheet/assets/index.js')).toBe(true)
    expect(isAppUrl('app://evil/index.html')).toBe(false)
    expect(isAppUrl('file:///work/main/out/renderer/index.html')).toBe(false)
    expect(isAppUrl('https://gradsheet/index.html')).toBe(false)
    expect(isAppUrl('app://user:pw@gradsheet/')).toBe(false)
    expect(isAppUrl('not a url')).toBe(false)
    expect(isAppUrl(42)).toBe(false)
  })

  it('registers app:// as a standard, secure scheme', () => {
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app')
    expect(APP_SCHEME_PRIVILEGES.privileges.standard).toBe(true)
    expect(APP_SCHEME_PRIVILEGES.privileges.secure).toBe(true)
  })
})

describe('navigation, new windows, permissions, webviews', () => {
  it('prevents navigation to any other origin', () => {
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://other/', 'javascript:alert(1)', 'data:text/html,hi']) {
      const event = { preventDefault: vi.fn() }
      handleWillNavigate(event, url)
      expect(event.preventDefault, url).toHaveBeenCalled()
    }
  })

  it('reads the target from the event as current Electron passes it', () => {
    const away = { preventDefault: vi.fn(), url: 'https://example.com/' }
    handleWillNavigate(away)
    expect(away.preventDefault).toHaveBeenCalled()
    const home = { preventDefault: vi.fn(), url: APP_ENTRY_URL }
    handleWillNavigate(home, 'https://stale.example/')
    expect(home.preventDefault).not.toHaveBeenCalled()
  })

  it('lets the app reload its own page', () => {
    const event = { preventDefault: vi.fn() }
    handleWillNavigate(event, APP_ENTRY_URL)
    expect(event.preventDefault).not.toHaveBeenCalled()
  })

  it('denies every window.open; hands only allow-listed https links to the system browser', () => {
    const opened: string[] = []
    const openExternal = (url: string) => opened.push(url)
    expect(windowOpenHandler({ url: 'https://evil.example/' }, openExternal)).toEqual({ action: 'deny' })
    expect(windowOpenHandler({ url: 'app://gradsheet/index.html' }, openExternal)).toEqual({ action: 'deny' })
    expect(windowOpenHandler({ url: 'https://mathjs.org/docs/' }, openExternal)).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://mathjs.org/docs/'])
  })

  it('allows external URLs only for https on allow-listed hosts', () => {
    expect(isAllowedExternalUrl('https://mathjs.org/docs/reference/functions.html')).toBe(true)
    expect(isAllowedExternalUrl('http://mathjs.org/')).toBe(false)
    expect(isAllowedExternalUrl('https://mathjs.org.evil.com/')).toBe(false)
    expect(isAllowedExternalUrl('https://user@mathjs.org/')).toBe(false)
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false)
    expect(isAllowedExternalUrl('smb://server/share')).toBe(false)
    expect(isAllowedExternalUrl('https://mathjs.org/' + 'a'.repeat(5000))).toBe(false)
    expect(isAllowedExternalUrl(undefined)).toBe(false)
  })

  it('refuses every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn()
      permissionRequestHandler({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
    }
    expect(permissionCheckHandler()).toBe(false)
  })

  it('never attaches a webview', () => {
    const event = { preventDefault: vi.fn() }
    handleWillAttachWebview(event)
    expect(event.preventDefault).toHaveBeenCalled()
  })
})

describe('IPC sender validation', () => {
  it('trusts only the top frame of the app origin', () => {
    expect(isTrustedSender({ url: 'app://gradsheet/index.html', parent: null })).toBe(true)
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false)
    expect(isTrustedSender({ url: 'file:///tmp/x.html', parent: null })).toBe(false)
    expect(isTrustedSender({ url: 'app://gradsheet/index.html', parent: { url: 'app://gradsheet/' } })).toBe(false)
    expect(isTrustedSender(null)).toBe(false)
    expect(isTrustedSender(undefined)).toBe(false)
  })
})
