// CSV import with a preview (header row optional, errors in words before anything is
// placed) and CSV export of the sheet's used area or a typed range.
import { For, Show, createMemo, createSignal } from 'solid-js'
import { blockEdits, datasetBlock } from '../../../engine/csv/edits'
import { parseDataset, type HeaderMode } from '../../../engine/csv/parse'
import type { DocumentController } from '../app/document-controller'
import type { SheetView } from '../app/sheet-view'
import { formatAddress } from '../model/address'
import type { WorkbookStore } from '../state/workbook-store'
import { areaCsv, areaText, parseArea, usedArea } from './export'
import '../training/training.css'

const PREVIEW_ROWS = 6

export function DataPanel(props: { store: WorkbookStore; ctl: DocumentController; view: SheetView; onClose: () => void }) {
  const { store, ctl, view } = props
  const [file, setFile] = createSignal<{ name: string; text: string } | null>(null)
  const [header, setHeader] = createSignal<HeaderMode>('auto')
  const [range, setRange] = createSignal('')
  const [note, setNote] = createSignal<string | null>(null)
  const parsed = createMemo(() => (file() ? parseDataset(file()!.text, header()) : null))
  const target = () => formatAddress(view.selection())

  async function choose(e: Event): Promise<void> {
    const input = e.currentTarget as HTMLInputElement
    const f = input.files?.[0]
    input.value = ''
    if (!f) return
    try {
      setFile({ name: f.name, text: await f.text() })
      setNote(null)
    } catch (err) {
      setNote(`Could not read ${f.name}: ${err instanceof Error ? err.message : String(err)}`)
    }
  }

  async function place(): Promise<void> {
    const p = parsed()
    if (!p?.ok) return
    const at = view.selection()
    const edits = blockEdits(view.activeSheet(), at.row, at.col, datasetBlock(p.value))
    if ('error' in edits) return void setNote(edits.error)
    const ok = await ctl.act(`Import ${file()!.name}`, edits)
    if (ok) {
      setNote(`Imported ${p.value.rows.length} rows at ${target()}.`)
      setFile(null)
    }
  }

  function exportCsv(): void {
    const sheet = view.activeSheet()
    const typed = range().trim()
    const area = typed ? parseArea(typed) : usedArea(store.cellsOfSheet(sheet))
    if (!area) return void setNote('The sheet is empty: nothing to export.')
    if ('error' in area) return void setNote(area.error)
    const text = areaCsv(area, (a) => store.cell(sheet, a))
    if (typeof text !== 'string') return void setNote(text.error)
    const link = document.createElement('a')
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }))
    link.download = `${sheet}.csv`
    link.click()
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
    setNote(`Exported ${areaText(area)} of ${sheet}.`)
  }

  return (
    <section class="data-panel" aria-label="Data">
      <div class="training-controls">
        <div class="training-title">
          <strong>Data (CSV)</strong>
          <button type="button" class="close" aria-label="Close data panel" onClick={props.onClose}>×</button>
        </div>
        <label>
          Import CSV
          <input type="file" aria-label="CSV file" accept=".csv,.tsv,.txt,text/csv" onChange={(e) => void choose(e)} />
        </label>
        <label>
          Header row
          <select aria-label="Header row" value={header()} onChange={(e) => setHeader(e.currentTarget.value as HeaderMode)}>
            <option value="auto">detect</option>
            <option value="yes">first row</option>
            <option value="no">none</option>
          </select>
        </label>
        <label>
          Export range
          <input aria-label="Export range" placeholder="used area" value={range()} onInput={(e) => setRange(e.currentTarget.value)} />
        </label>
        <button type="button" onClick={exportCsv}>Export CSV</button>
        <div class="training-message" role="status">{note()}</div>
      </div>
      <Show when={parsed()}>
        {(p) => (
          <div class="csv-preview" data-csv-ok={p().ok ? 'true' : 'false'}>
            <Show when={p().ok} fallback={<div class="status-error" role="alert">{file()!.name}: {(p() as { error: string }).error}</div>}>
              {(() => {
                const d = (p() as { ok: true; value: { header: string[] | null; rows: number[][] } }).value
                return (
                  <>
                    <div>
                      {file()!.name}: {d.rows.length} rows × {d.rows[0].length} columns{d.header ? ', with a header row' : ''}.{' '}
                      <button type="button" onClick={() => void place()}>Place at {target()}</button>
                    </div>
                    <table aria-label="CSV preview">
                      <Show when={d.header}>{(h) => <thead><tr><For each={h()}>{(x) => <th>{x}</th>}</For></tr></thead>}</Show>
                      <tbody>
                        <For each={d.rows.slice(0, PREVIEW_ROWS)}>{(r) => <tr><For each={r}>{(x) => <td>{x}</td>}</For></tr>}</For>
                      </tbody>
                    </table>
                    <Show when={d.rows.length > PREVIEW_ROWS}><div class="muted">… {d.rows.length - PREVIEW_ROWS} more rows</div></Show>
                  </>
                )
              })()}
            </Show>
          </div>
        )}
      </Show>
    </section>
  )
}
