// `gradsheet eval`: load a workbook, apply --set edits and --edit commands through the
// engine's incremental path, print values and gradients (SPEC §6). Returns the exit code: 0 loaded, 1 the
// file cannot be read or is invalid, 2 a usage error (a reference that names no cell).
import { performance } from 'node:perf_hooks'
import type { CellView, Edit } from '../engine/api.ts'
import { loadWorkbook } from './load-workbook.ts'
import { COMMAND_ENGINE_OPTIONS } from './command-engine.ts'
import type { EvalOptions } from './args.ts'
import { ChunkedWriter, TABLE_HEADERS, cellKey, formatTable, jsonEntry, jsonReport, objectiveLine, tableHead, tableLine, tableRow, tableWidths } from './report.ts'

export interface Output {
  stdout(text: string): void
  stderr(text: string): void
  /** Resolves once stdout has taken what was written (a pipe's reader can be slower than a million-cell listing); absent: no waiting. */
  drained?(): Promise<void>
}

type Engine = ReturnType<typeof import('../engine/index.ts').createEngine>

export async function runEval(options: EvalOptions, out: Output): Promise<number> {
  const opened = await openEngine(options, out)
  if (typeof opened === 'number') return opened
  const { engine, loadMs, evalMs } = opened

  if (options.objective !== null && engine.resolveRef(options.objective) === null) {
    return usage(out, `--objective ${options.objective}: no such cell (use a name, B4 or Sheet1!B4)`)
  }
  const editsMs: number[] = []
  // --edit commands (issue 9) run in command-line order with the --set edits.
  const commands = options.edits ?? []
  let next = 0
  const runCommands = (afterSets: number): number | null => {
    for (; next < commands.length && commands[next].afterSets <= afterSets; next++) {
      const start = performance.now()
      const change = engine.apply([commands[next].edit as unknown as Edit])
      editsMs.push(performance.now() - start)
      if (change.rejected.length > 0) return usage(out, `--edit ${JSON.stringify(commands[next].edit)} was refused: ${change.rejected[0].message}`)
    }
    return null
  }
  for (const [k, set] of options.sets.entries()) {
    const refused = runCommands(k)
    if (refused !== null) return refused
    const target = engine.resolveRef(set.ref)
    if (target === null) return usage(out, `--set ${set.ref}=…: no such cell (use a name, B4 or Sheet1!B4)`)
    const edit: Edit = { type: 'setInput', sheet: target.sheet, address: target.address, input: set.input }
    const start = performance.now()
    const change = engine.apply([edit])
    editsMs.push(performance.now() - start)
    if (change.rejected.length > 0) return usage(out, `--set ${set.ref}=${set.input} was refused: ${change.rejected[0].message}`)
  }
  const refused = runCommands(options.sets.length)
  if (refused !== null) return refused

  const objective = engine.objective()
  if (options.only !== null) {
    const cells: CellView[] = []
    for (const ref of options.only) {
      const target = engine.resolveRef(ref)
      if (target === null) return usage(out, `--only ${ref}: no such cell (use a name, B4 or Sheet1!B4)`)
      cells.push(engine.cell(target.sheet, target.address))
    }
    if (options.json) {
      const report = jsonReport(objective, cells)
      report.objective = objectiveKey(engine, objective.cell)
      out.stdout(JSON.stringify(report, null, 2) + '\n')
    } else {
      out.stdout(`${objectiveLine(objective)}\n\n${formatTable(TABLE_HEADERS, cells.map(tableRow))}\n`)
    }
  } else {
    // Every cell with an input or a name, sheet by sheet in tab order, row by row: written
    // as it is read, one view at a time and in chunks the output has taken, so a
    // million-cell workbook is never held as views, a report object or one string
    // (issue 12: peak memory of eval on a 1M-cell file). The output is byte for byte what
    // jsonReport / formatTable print for the same cells.
    const chunks = new ChunkedWriter((text) => out.stdout(text))
    const write = async (text: string) => {
      if (chunks.write(text)) await out.drained?.()
    }
    if (options.json) {
      const unavailable = objective.unavailableReason
      await write(`{\n  "objective": ${JSON.stringify(objectiveKey(engine, objective.cell))},\n  "cells": {`)
      let first = true
      for (const c of listedCells(engine)) {
        await write((first ? '' : ',') + jsonEntry(c))
        first = false
      }
      await write(first ? '}' : '\n  }')
      if (unavailable !== null) await write(`,\n  "gradients_unavailable": ${JSON.stringify(unavailable)}`)
      await write('\n}')
    } else {
      // Two passes: the first measures the columns, the second writes the lines.
      const widths = tableWidths(TABLE_HEADERS, (function* () {
        for (const c of listedCells(engine)) yield tableRow(c)
      })())
      await write(`${objectiveLine(objective)}\n\n${tableHead(TABLE_HEADERS, widths)}`)
      for (const c of listedCells(engine)) await write('\n' + tableLine(tableRow(c), widths))
    }
    chunks.write('\n')
    chunks.flush()
    await out.drained?.()
  }
  if (options.timing) {
    const ms = (x: number) => Math.round(x * 1000) / 1000
    out.stderr(JSON.stringify({ load_ms: ms(loadMs), eval_ms: ms(evalMs), edits_ms: editsMs.map(ms) }) + '\n')
  }
  return 0
}

/**
 * Reads the workbook and builds its engine, in a function of its own so that nothing
 * outside it holds the document, and with the document handed over (consumeDocument):
 * each sheet's cells become garbage once the engine has read them, instead of staying
 * alive through the first pass and the listing (issue 12, peak memory of `gradsheet eval`
 * on a 1M-cell file). Returns the exit code when the file cannot be read.
 */
async function openEngine(options: EvalOptions, out: Output): Promise<{ engine: Engine; loadMs: number; evalMs: number } | number> {
  const loadStart = performance.now()
  // .gradsheet or .xlsx (SPEC §6); an Excel import's report goes to stderr.
  const read = await loadWorkbook(options.file)
  if (!read.ok) {
    out.stderr(`gradsheet: ${read.error}\n`)
    return 1
  }
  for (const note of read.notes) out.stderr(`gradsheet: ${note}\n`)
  if (options.objective !== null) read.doc.objective = options.objective
  const loadMs = performance.now() - loadStart

  // The engine's code (math.js) is loaded only now, outside the timed phases: --help,
  // usage errors and bad files answer without it.
  const { createEngine } = await import('../engine/index.ts')

  // createEngine parses every formula, builds the graph and runs the first full
  // forward and reverse pass (nothing is lazy); reading the objective is all that is left.
  const evalStart = performance.now()
  const engine = createEngine(read.doc, COMMAND_ENGINE_OPTIONS)
  engine.objective()
  return { engine, loadMs, evalMs: performance.now() - evalStart }
}

function usage(out: Output, message: string): number {
  out.stderr(`gradsheet: ${message}\n`)
  return 2
}

/** The objective as a `Sheet!A1` key, written like the cell keys. */
function objectiveKey(engine: Engine, cell: string | null): string | null {
  if (cell === null) return null
  const at = engine.resolveRef(cell)
  return at === null ? cell : cellKey(at)
}

/** The cells the listing shows (an input or a name), made one at a time when the engine can (Engine.iterateCells). */
function* listedCells(engine: Engine): Generator<CellView> {
  for (const c of engine.iterateCells?.() ?? inSheetOrder(engine, engine.cells())) if (c.input !== '' || c.name !== undefined) yield c
}

/** Sheets in tab order, each row by row: the order a reader scans a sheet. */
function inSheetOrder(engine: Engine, cells: CellView[]): CellView[] {
  const sheetIndex = new Map(engine.sheets().map((name, i) => [name, i]))
  const rank = (c: CellView): [number, number, number] => {
    const m = /^([A-Z]+)([0-9]+)$/.exec(c.address)
    let col = 0
    for (const ch of m?.[1] ?? '') col = col * 26 + ch.charCodeAt(0) - 64
    return [sheetIndex.get(c.sheet) ?? Infinity, Number(m?.[2] ?? 0), col]
  }
  return cells
    .map((c) => ({ c, r: rank(c) }))
    .sort((a, b) => a.r[0] - b.r[0] || a.r[1] - b.r[1] || a.r[2] - b.r[2])
    .map((x) => x.c)
}
