#!/usr/bin/env node
// `npm run test:mutations [-- NAME-FILTER]`: proves that each protection in
// docs/security.md and docs/reliability.md is guarded by a test. For every row of
// PROTECTIONS it removes the protection (a text patch) in a scratch copy of the working
// tree, runs only the tests named for it, and reports whether they failed (guarded) or
// still passed (not guarded). The real tree is never touched. Not part of `npm test`:
// it runs the named tests once per row (several minutes).
//
// Adding a protection is one row: { name, file, find, replace, tests } (plus `more`, further
// { find, replace } pairs in the same file, when one protection is two checks). Each
// `find` must occur exactly once in `file`; a row whose text is gone reports "patch no
// longer applies".
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

export const PROTECTIONS = [
  // ── web server (node/web-server.ts, npm run web) ──
  { name: 'per-run secret on every API call', file: 'node/web-server.ts', find: 'if (!carriesSecret(request, options.secret)) {', replace: 'if (false) {', tests: ['node/web-server-guards.test.ts'] },
  { name: 'Origin check (other sites refused)', file: 'node/web-server.ts', find: "if (origin !== undefined && origin !== `http://${request.headers.host}`) return refuse(403", replace: "if (false) return refuse(403", tests: ['node/web-server.test.ts', 'node/web-server-guards.test.ts'] },
  { name: 'Host check (DNS rebinding)', file: 'node/web-server.ts', find: 'if (!isOwnHost(request.headers.host, port)) return', replace: 'if (false) return', tests: ['node/web-server.test.ts', 'node/web-server-guards.test.ts'] },
  { name: 'binds 127.0.0.1 only', file: 'node/web-server.ts', find: "export const WEB_HOST = '127.0.0.1'", replace: "export const WEB_HOST = '0.0.0.0'", tests: ['node/web-server.test.ts'] },
  { name: 'request-body cap (streamed)', file: 'node/web-server.ts', find: 'if (size > maxBytes) return finish(tooLarge(maxBytes))', replace: '', tests: ['node/web-server-guards.test.ts'] },
  { name: 'request-body cap (announced length)', file: 'node/web-server.ts', find: 'if (Number.isFinite(announced) && announced > maxBytes) return Promise.resolve(tooLarge(maxBytes))', replace: '', tests: ['node/web-server-guards.test.ts'] },
  { name: 'request-body cap well under memory', file: 'node/web-server.ts', find: 'export const MAX_BODY_BYTES = LIMITS.workbookText * 1.5 + 64 * 1024', replace: 'export const MAX_BODY_BYTES = LIMITS.workbookText * 3 + 64 * 1024', tests: ['node/web-server-guards.test.ts'] },
  { name: 'slow request body times out', file: 'node/web-server.ts', find: "}), timeoutMs)", replace: '}), 2 ** 30)', tests: ['node/web-server-guards.test.ts'] },
  { name: 'X-Frame-Options: DENY', file: 'node/web-content-policy.ts', find: "'X-Frame-Options': 'DENY',", replace: '', tests: ['node/web-server-guards.test.ts'] },
  { name: 'CSP header on every response', file: 'node/web-content-policy.ts', find: "'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER,", replace: '', tests: ['node/web-server.test.ts', 'electron/main/app-protocol.test.ts'] },
  { name: "CSP without 'unsafe-eval'", file: 'node/web-content-policy.ts', find: `['script-src', "'self'"],`, replace: `['script-src', "'self' 'unsafe-eval'"],`, tests: ['electron/main/security.test.ts'] },
  { name: "CSP frame-ancestors 'none'", file: 'node/web-content-policy.ts', find: "; frame-ancestors 'none'`", replace: '`', tests: ['node/web-server-guards.test.ts', 'electron/main/security.test.ts'] },
  { name: 'X-Content-Type-Options: nosniff', file: 'node/web-content-policy.ts', find: "'X-Content-Type-Options': 'nosniff',", replace: '', tests: ['node/web-server.test.ts'] },
  { name: 'static files stay inside out/renderer (`..` and the resolved-path check)', file: 'node/web-static-files.ts', find: "if (segments.some((s) => s === '..')) return { ok: false, status: 400, reason: 'the path leaves the app folder' }", replace: '', more: [{ find: "if (file !== absoluteRoot && !file.startsWith(absoluteRoot + sep)) {", replace: 'if (false) {' }], tests: ['node/web-server.test.ts', 'electron/main/app-protocol.test.ts'] },
  // ── bridge (both hosts) ──
  { name: 'saves only to chosen or opened paths', file: 'node/bridge-service.ts', find: 'if (!chosen && !grants.allows(checkedPath.value)) return { ok: false, error: NOT_PICKED }', replace: '', tests: ['node/web-server-guards.test.ts', 'electron/main/index-documents.test.ts'] },
  { name: 'writes only .gradsheet files', file: 'node/bridge-arguments.ts', find: 'if (!/\\.gradsheet$/i.test(path.value)) return fail(', replace: 'if (false) return fail(', tests: ['node/web-server.test.ts', 'electron/main/ipc-handlers.test.ts'] },
  // app-export (issue 11): File → Export as… writes only the kind's extension (.py / .xlsx).
  { name: 'Export as… writes only .py / .xlsx', file: 'node/export-workbook.ts', find: 'if (!checked.value.toLowerCase().endsWith(ext)) return fail(', replace: 'if (false) return fail(', tests: ['node/export-workbook.test.ts'] },
  { name: 'workbook text ≤ 64 MiB of UTF-8', file: 'node/bridge-arguments.ts', find: "|| Buffer.byteLength(value, 'utf8') > LIMITS.workbookText", replace: '', tests: ['node/bridge-arguments.test.ts'] },
  { name: 'a refused open never quotes the file', file: 'node/bridge-storage.ts', find: '  return { ok: false, error: notAWorkbookMessage(path) }\n}\n\nexport function createFileSystemStorage', replace: '  return { ok: false, error: `${path}: ${read.text.slice(0, 200)}` }\n}\n\nexport function createFileSystemStorage', tests: ['node/web-server-guards.test.ts'] },
  { name: 'a refused open does not reveal whether a path exists', file: 'node/bridge-storage.ts', find: ': { ok: false, error: unreadableMessage(path) }', replace: ': read', tests: ['node/web-server-guards.test.ts'] },
  { name: 'IPC: every handler checks its sender', file: 'electron/main/ipc-handlers.ts', find: 'if (!isTrustedSender(event?.senderFrame)) return { ok: false, error: REFUSED_SENDER }', replace: '', tests: ['electron/main/ipc-handlers.test.ts'] },
  // Open Recent (a workbook the page refuses leaves the list: bridge forgetRecent)
  { name: 'Open Recent: forgetRecent checks its path', file: 'node/bridge-service.ts', find: 'if (!checked.ok) return checked\n      if (grants.allows(checked.value)) await storage.forget', replace: 'if (grants.allows(checked.value)) await storage.forget', tests: ['node/forget-recent.test.ts', 'electron/main/ipc-handlers.test.ts'] },
  { name: 'Open Recent: forgets only paths this session opened or saved', file: 'node/bridge-service.ts', find: 'if (grants.allows(checked.value)) await storage.forget(checked.value)', replace: 'await storage.forget(checked.value)', tests: ['node/forget-recent.test.ts'] },
  { name: 'Open Recent: removing an unlisted path writes nothing', file: 'node/recent-files.ts', find: 'files.filter((f) => f !== resolve(path)), true)', replace: 'files.filter((f) => f !== resolve(path)))', tests: ['node/recent-files.test.ts'] },
  { name: 'Open Recent: the desktop menu is rebuilt after a forget', file: 'electron/main/bridge-host.ts', find: '    recentChanged() {\n      void refreshMenu()\n    },', replace: '    recentChanged() {\n    },', tests: ['electron/main/index-recent.test.ts'] },
  // recent gone helper: a listed file moved or deleted on disk leaves Open Recent when the host's read of it fails
  { name: 'Open Recent: a listed file moved or deleted leaves the list when the host reads it', file: 'node/bridge-service.ts', find: "      await storage.forget(path).catch(() => undefined)\n      return { ok: false, error: movedOrDeletedMessage(path), reason: 'missing' }", replace: "      return { ok: false, error: movedOrDeletedMessage(path), reason: 'missing' }", tests: ['node/recent-missing.test.ts', 'electron/main/index-recent.test.ts', 'electron/main/index-missing-file.test.ts'] },
  { name: 'Open Recent: only a missing file (ENOENT/ENOTDIR) leaves it, not an unreadable one', file: 'node/file-store.ts', find: "MISSING_CODES.has((error as NodeJS.ErrnoException)?.code ?? '')", replace: 'true', tests: ['node/recent-missing.test.ts', 'electron/main/ipc-handlers.test.ts'] },
  { name: 'Open Recent: only a listed path is judged missing (no probing other paths)', file: 'node/bridge-service.ts', find: 'if (listed && read.missing) {', replace: 'if (read.missing) {', tests: ['node/recent-missing.test.ts'] },
  { name: 'Open Recent: the file store’s own words only for a listed path', file: 'node/bridge-service.ts', find: 'listed && read.detail ? read.detail : read.error', replace: 'read.detail ?? read.error', tests: ['node/recent-missing.test.ts', 'node/web-server-guards.test.ts'] },
  { name: 'Open Recent: the desktop menu is rebuilt after a moved or deleted file leaves it', file: 'electron/main/ipc-handlers.ts', find: "if (!reply.ok && reply.reason === 'missing') host.recentChanged()", replace: '', tests: ['electron/main/ipc-handlers.test.ts', 'electron/main/index-recent.test.ts'] },
  { name: 'Open Recent: a file the host could not read replaces nothing in the page', file: 'renderer/src/app/document-session.ts', find: '  } catch (err) {\n    alert(`Could not open the file:', replace: "  } catch (err) {\n    await load({ path: null, name: 'Untitled.gradsheet', text: '' })\n    alert(`Could not open the file:", tests: ['renderer/src/app/document-session.test.ts'] },
  { name: 'Open Recent: the desktop menu lists the FILE the app started with', file: 'electron/main/startup-windows.ts', find: 'shows it from the start.\n    void refreshMenu()\n', replace: 'shows it from the start.\n', tests: ['electron/main/index-recent.test.ts'] },
  // The CLI's prebuilt bundle never runs stale code (cli/launch/bundle.mjs)
  { name: 'CLI bundle: runs only while every source hashes the same', file: 'cli/launch/bundle.mjs', find: 'if (hashOf(bytes) !== manifest.inputs[path]) return', replace: 'if (false) return', tests: ['cli/launch/bundle.test.ts'] },
  { name: 'CLI bundle: a damaged or cut output sends the command to the sources', file: 'cli/launch/bundle.mjs', find: "if (actual !== size) return { entry: null, reason: `the bundle's ${name} is missing or damaged` }", replace: '', tests: ['cli/launch/bundle.test.ts'] },
  // ── durability (node/file-store.ts) ──
  { name: 'fsync of the file before rename', file: 'node/file-store.ts', find: '    await handle.sync()\n    await handle.close()', replace: '    await handle.close()', tests: ['node/file-store.test.ts'] },
  { name: 'fsync of the folder after rename', file: 'node/file-store.ts', find: '  await syncFolder(folder, fs)\n', replace: '\n', tests: ['node/file-store.test.ts'] },
  { name: 'atomic rename over the target', file: 'node/file-store.ts', find: '    await fs.rename(temp, target)', replace: '    await fsp.copyFile(temp, target)\n    await fsp.unlink(temp)', tests: ['node/file-store.test.ts', 'node/file-store-faults.test.ts'] },
  { name: 'symlink resolved: its target is updated', file: 'node/file-store.ts', find: '    return await fs.realpath(target)', replace: '    return target', tests: ['node/file-store.test.ts'] },
  // ── documents and backups ──
  { name: 'backups per document', file: 'node/document-backups.ts', find: 'return join(backupsRoot(dataFolder), documentId)', replace: "return join(backupsRoot(dataFolder), 'shared')", tests: ['electron/main/index-documents.test.ts', 'electron/main/startup.test.ts'] },
  { name: 'a window cannot write another window’s backup', file: 'electron/main/window-backups.ts', find: 'if (owner !== undefined && owner !== state.window.id) return', replace: 'if (false) return', tests: ['electron/main/index-documents.test.ts', 'electron/main/window-backups.test.ts'] },
  { name: 'backups name only opened or chosen paths (web)', file: 'node/web-documents.ts', find: 'if (document.path !== null && !service.grants.allows(document.path)) {', replace: 'if (false) {', tests: ['node/web-server-main.test.ts'] },
  { name: 'backups name only opened or chosen paths (Electron)', file: 'electron/main/window-backups.ts', find: 'if (document.path !== null && !service.grants.allows(document.path)) {', replace: 'if (false) {', tests: ['electron/main/index-documents.test.ts', 'electron/main/window-backups.test.ts'] },
  { name: 'a closed window removes its backups (Electron)', file: 'electron/main/workbook-windows.ts', find: '        void removeDocumentBackup(dataFolder(), id)', replace: '', tests: ['electron/main/index-documents.test.ts'] },
  { name: 'recovery with FILE (web)', file: 'node/web-documents.ts', find: 'if (ofFile.length > 0) return recovered(ofFile[ofFile.length - 1])', replace: '', tests: ['node/web-server-main.test.ts'] },
  { name: 'recovery with FILE (Electron)', file: 'electron/main/startup-windows.ts', find: 'createWorkbookWindow(latest ? recoveredFile(latest) : await service().openPath(path))', replace: 'createWorkbookWindow(await service().openPath(path))', tests: ['electron/main/index-documents.test.ts'] },
  { name: 'a reloaded tab gets its own backup', file: 'node/web-documents.ts', find: 'if (own) return recovered({ documentId: resumeId, backup: own })', replace: '', tests: ['node/web-server-main.test.ts'] },
  { name: 'claimed work is not offered to a second tab', file: 'node/web-documents.ts', find: 'const unclaimed = found.filter((b) => !claimed.has(b.documentId))', replace: 'const unclaimed = found', tests: ['node/web-server-main.test.ts'] },
  { name: 'recovered work keeps its document id', file: 'renderer/src/app/document-session.ts', find: "file.recovered && typeof file.documentId === 'string' && file.documentId !== '' ? file.documentId : newId()", replace: 'newId()', tests: ['renderer/src/app/document-session.test.ts'] },
  { name: 'loading another workbook deletes the previous backup (Discard)', file: 'renderer/src/app/document-session.ts', find: 'if (previous.id !== identity.id) await backupInOrder(previous, null).catch(() => undefined)', replace: '', tests: ['renderer/src/app/document-session.test.ts', 'node/document-lifecycle.test.ts'] },
  { name: 'a backup for a document no longer shown is not written', file: 'renderer/src/app/document-session.ts', find: '      if (ticket !== generation) return\n', replace: '\n', tests: ['renderer/src/app/document-session.test.ts'] },
  { name: 'Save of never-saved work asks where', file: 'renderer/src/app/document-session.ts', find: 'return !asNew && identity.path ? { ask: false, path: identity.path }', replace: "return !asNew ? { ask: false, path: identity.path ?? '/tmp/untitled.gradsheet' }", tests: ['renderer/src/app/document-session.test.ts'] },
  { name: 'Open/New/Examples ask before replacing unsaved work', file: 'renderer/src/app/document-session.ts', find: '  return modified\n', replace: '  return false\n', tests: ['renderer/src/app/document-session.test.ts'] },
  // ── Electron ──
  { name: 'contextIsolation', file: 'electron/main/window-options.ts', find: 'contextIsolation: true,', replace: 'contextIsolation: false,', tests: ['electron/main/window-options.test.ts'] },
  { name: 'sandbox', file: 'electron/main/window-options.ts', find: 'sandbox: true,', replace: 'sandbox: false,', tests: ['electron/main/window-options.test.ts'] },
  { name: 'nodeIntegration off', file: 'electron/main/window-options.ts', find: 'nodeIntegration: false,', replace: 'nodeIntegration: true,', tests: ['electron/main/window-options.test.ts'] },
  { name: 'app.enableSandbox() before ready', file: 'electron/main/index.ts', find: '\napp.enableSandbox()\n', replace: '\n', tests: ['electron/main/index.test.ts'] },
  { name: 'navigation denied', file: 'electron/main/security.ts', find: 'if (!isAppUrl(target)) event.preventDefault()', replace: '', tests: ['electron/main/security.test.ts'] },
  { name: 'window.open denied', file: 'electron/main/security.ts', find: "  return { action: 'deny' }\n}", replace: "  return { action: 'allow' } as never\n}", tests: ['electron/main/security.test.ts'] },
  { name: '<webview> attach denied', file: 'electron/main/security.ts', find: 'export function handleWillAttachWebview(event: { preventDefault(): void }): void {\n  event.preventDefault()', replace: 'export function handleWillAttachWebview(event: { preventDefault(): void }): void {\n  void event', tests: ['electron/main/security.test.ts'] },
  { name: 'permissions denied', file: 'electron/main/security.ts', find: '  callback(false)', replace: '  callback(true)', tests: ['electron/main/security.test.ts'] },
  { name: 'openExternal only https on allow-listed hosts', file: 'electron/main/security.ts', find: "parsed.protocol === 'https:' &&", replace: 'true &&', tests: ['electron/main/security.test.ts'] },
  // ── engine (engine/limits.ts and the formula compiler) ──
  { name: 'formula allow-list (no property access)', file: 'engine/formula/compile.ts', find: "return refuse('#NAME?', 'property access and indexing (a.b, a[1]) are not allowed in formulas')", replace: "return push({ k: 'const', v: 0 })", tests: ['engine/formula/hostile.test.ts'] },
  { name: 'formula length limit', file: 'engine/formula/compile.ts', find: "if (tooLong) return { program: errorProgram(new Err('#PARSE!', tooLong)), refs: [] }", replace: '', tests: ['engine/limits.test.ts'] },
  { name: 'bracket nesting limit', file: 'engine/formula/compile.ts', find: "if (deep) return errorProgram(new Err('#PARSE!', deep))", replace: '', tests: ['engine/limits.test.ts'] },
  { name: 'range size limit', file: 'engine/core/binding.ts', find: 'rangeSizeProblem(rows, cols) ?? ', replace: '', tests: ['engine/limits.test.ts'] },
  // Rows below for the per-operation budgets: added by the `functions` helper (issue 10 item 7).
  { name: 'element budget (matrix product result)', file: 'engine/functions/matrix.ts', find: "const tooBig = tensorSizeProblem([r, c]) ?? matmulCostProblem(", replace: "const tooBig = matmulCostProblem(", tests: ['engine/limits.test.ts'] },
  { name: 'cost budget (matrix product m·k·n)', file: 'engine/functions/matrix.ts', find: " ?? matmulCostProblem(r * k * c, `the matrix product of a ${shapeText(a)} and a ${shapeText(b)}`)", replace: '', tests: ['engine/test/budgets.test.ts'] },
  { name: 'element budget (broadcast)', file: 'engine/functions/elementwise.ts', find: "if (tooBig) return new Err('#VALUE!', `${shown(name)}: ${tooBig}`)", replace: '', tests: ['engine/test/budgets.test.ts'] },
  { name: 'element budget (one reduction\'s arguments)', file: 'engine/functions/elementwise.ts', find: "const tooMany = elementCountProblem(n, `${name} of these arguments`)\n  if (tooMany) return new Err('#VALUE!', tooMany)", replace: '', tests: ['engine/test/budgets.test.ts'] },
  { name: 'element budget (matrix literal)', file: 'engine/functions/matrix.ts', find: "const tooBig = elementCountProblem(items.length * c, 'the matrix literal')\n      if (tooBig) return new Err('#VALUE!', tooBig)", replace: '', tests: ['engine/test/budgets.test.ts'] },
  { name: 'element budget (diag of a vector)', file: 'engine/functions/linalg.ts', find: "const tooBig = elementCountProblem(shape[0] * shape[1], `diag of a vector of ${n}`)\n    if (tooBig) return new Err('#VALUE!', tooBig)", replace: '', tests: ['engine/test/budgets.test.ts'] },
  { name: 'cost budget (det and inv, n³)', file: 'engine/functions/linalg.ts', find: "return tooCostly ? new Err('#VALUE!', tooCostly) : n", replace: 'return n', tests: ['engine/test/budgets.test.ts'] },
  { name: 'flat sums lowered without recursion', file: 'engine/formula/compile.ts', find: "    if (stack.length > 0) stack[stack.length - 1].args.push(last)\n", replace: "    if (stack.length > 0) stack[stack.length - 1].args.push(last)\n    if (stack.length > 8000) throw new RangeError('simulated recursion depth')\n", tests: ['engine/test/budgets.test.ts'] },
  { name: 'cell count limit on restore', file: 'engine/workbook/restore.ts', find: '  if (tooMany) {', replace: '  if (tooMany && false) {', tests: ['engine/workbook/restore.test.ts'] },
  { name: 'JSON nesting limit on restore', file: 'engine/workbook/restore.ts', find: 'if (deep) return { ok: false, error: `The workbook cannot be opened: ${deep}.` }', replace: '', tests: ['engine/limits.test.ts', 'engine/workbook/fuzz-load.test.ts'] },
  { name: 'file size limit on open', file: 'node/file-store.ts', find: '    if (info.size > maxBytes) {', replace: '    if (false) {', tests: ['node/file-store.test.ts'] },
]

/** The working tree (tracked and new files, as git sees them) copied to a scratch folder; node_modules linked. */
function scratchCopy() {
  const listed = spawnSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' })
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`)
  const scratch = mkdtempSync(join(tmpdir(), 'gradsheet-mutations-'))
  for (const file of listed.stdout.split('\0').filter(Boolean)) {
    mkdirSync(dirname(join(scratch, file)), { recursive: true })
    try {
      cpSync(join(root, file), join(scratch, file))
    } catch {
      // Listed but deleted in the working tree: not part of it.
    }
  }
  symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'), 'dir')
  return scratch
}

function runTests(scratch, tests) {
  const vitest = join(root, 'node_modules', '.bin', 'vitest')
  const result = spawnSync(vitest, ['run', ...tests], { cwd: scratch, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } })
  return { passed: result.status === 0, output: `${result.stdout}\n${result.stderr}` }
}

/** Applies each row's patch in turn and runs its tests; returns one result per row. */
export function runMutations(rows, log = console.log) {
  const scratch = scratchCopy()
  const results = []
  try {
    // Unmutated, the tests must pass: otherwise a failure would prove nothing.
    const baseline = runTests(scratch, [...new Set(rows.flatMap((row) => row.tests))])
    if (!baseline.passed) throw new Error(`the tests fail before any protection is removed:\n${baseline.output.slice(-3000)}`)
    log('baseline: the named tests pass in the scratch copy')
    for (const row of rows) {
      const path = join(scratch, row.file)
      const original = readFileSync(path, 'utf8')
      const patches = [{ find: row.find, replace: row.replace }, ...(row.more ?? [])]
      const counts = patches.map((patch) => original.split(patch.find).length - 1)
      const bad = counts.find((count) => count !== 1)
      if (bad !== undefined) {
        results.push({ ...row, status: bad === 0 ? 'patch no longer applies' : `patch matches ${bad} places` })
        log(`? ${row.name}: ${results.at(-1).status}`)
        continue
      }
      writeFileSync(path, patches.reduce((text, patch) => text.replace(patch.find, patch.replace), original))
      const run = runTests(scratch, row.tests)
      writeFileSync(path, original)
      results.push({ ...row, status: run.passed ? 'no' : 'yes' })
      log(`${run.passed ? '✗ NOT guarded' : '✓ guarded'}: ${row.name}`)
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
  return results
}

export function table(results) {
  const lines = ['| protection | file | test that guards it | guarded |', '|---|---|---|---|']
  for (const r of results) lines.push(`| ${r.name} | \`${r.file}\` | ${r.tests.map((t) => `\`${t}\``).join(', ')} | ${r.status} |`)
  return lines.join('\n')
}

async function main() {
  const filter = process.argv.slice(2).find((arg) => arg !== '--')
  const rows = filter ? PROTECTIONS.filter((row) => row.name.toLowerCase().includes(filter.toLowerCase())) : PROTECTIONS
  console.log(`Removing ${rows.length} protection(s), one at a time, in a scratch copy of the working tree…`)
  const results = runMutations(rows)
  console.log('\n' + table(results))
  const unguarded = results.filter((r) => r.status !== 'yes')
  console.log(`\n${results.length - unguarded.length} of ${results.length} protections are guarded by a failing test.`)
  process.exit(unguarded.length === 0 ? 0 : 1)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main()
