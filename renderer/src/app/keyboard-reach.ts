// Keyboard reach: F6 / Shift+F6 move the focus between the window's regions
// (model/focus-cycle.ts), Shift+F1 opens the formula reference, and the toolbar's
// commands have shortcuts (model/shortcuts.ts). One window-level key listener.
import { onCleanup } from 'solid-js'
import { REGION_ORDER, nextRegion, type FocusRegion } from '../model/focus-cycle'
import { shortcutFor, type ShortcutCommand } from '../model/shortcuts'
import { setExportAsOpen } from '../components/export-as' // app-export
import type { SheetView } from './sheet-view'
import type { Commands } from './commands'
import { setTrainingOpen, trainingOpen } from '../training/panel-state'
import { dataOpen, setDataOpen } from '../data/panel-state'
import { referenceOpen, setReferenceOpen } from '../formula-help/reference-state'
import { sensitivityOpen, setSensitivityOpen } from '../sensitivity/panel-state'

/** Where each region lives in the DOM; the panels count only while they are open. */
const REGION_SELECTOR: Record<FocusRegion, string> = {
  grid: '#grid',
  formulaBar: 'input.formula-bar',
  nameBox: 'input.name-box',
  toolbar: 'header.toolbar',
  graph: '.graph-panel',
  training: '.training-panel',
  data: '.data-panel',
  sensitivity: '.sensitivity-panel',
  reference: '.formula-reference',
  help: '.help-window',
}

/** Where the focus lands in a region, before its first field: the graph's selected node. */
const PREFERRED: Partial<Record<FocusRegion, string>> = {
  graph: '[data-node][tabindex="0"], [data-node]',
}

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), button:not([disabled]), textarea, [tabindex]:not([tabindex="-1"])'

function regionOf(el: Element | null): FocusRegion | null {
  if (!el) return null
  for (const region of REGION_ORDER) if (el.closest(REGION_SELECTOR[region])) return region
  return null
}

function presentRegions(): FocusRegion[] {
  return REGION_ORDER.filter((r) => document.querySelector(REGION_SELECTOR[r]) !== null)
}

export interface KeyboardReachActions {
  view: SheetView
  commands: Commands
  graph: { open(): boolean; setOpen(open: boolean): void }
}

export function installKeyboardReach(actions: KeyboardReachActions): void {
  const { view, commands, graph } = actions

  // The page-handled shortcuts; the others (Ctrl+S, Ctrl+Z, zoom…) keep their own handlers.
  const run: Partial<Record<ShortcutCommand, () => void>> = {
    newWorkbook: commands.newWorkbook,
    exportAs: () => setExportAsOpen(true), // app-export: File → Export as…
    setObjective: commands.setObjectiveToSelection,
    toggleParam: commands.toggleParam,
    toggleTraining: () => setTrainingOpen(!trainingOpen()),
    toggleData: () => setDataOpen(!dataOpen()),
    toggleSensitivity: () => setSensitivityOpen(!sensitivityOpen()),
    toggleGraph: () => graph.setOpen(!graph.open()),
    toggleGradients: commands.toggleGradients,
    formulaReference: () => setReferenceOpen(!referenceOpen()),
  }

  function focusRegion(region: FocusRegion): void {
    const root = document.querySelector<HTMLElement>(REGION_SELECTOR[region])
    if (!root) return
    if (region === 'formulaBar') {
      // Typing in the cell moves on to the formula bar (the cell editor would commit on blur).
      const session = view.editing()
      if (session?.origin === 'cell') view.setEditing({ ...session, origin: 'formulaBar' })
    }
    if (root instanceof HTMLInputElement || root.id === 'grid') return void root.focus()
    // The toolbar starts at its first button; the graph at its selected node; a panel at its first field (the reference's search box).
    const preferred = PREFERRED[region]
    const first = (preferred ? root.querySelector<HTMLElement>(preferred) : null)
      ?? (region === 'toolbar' ? null : root.querySelector<HTMLElement>('input, select, textarea'))
      ?? root.querySelector<HTMLElement>(FOCUSABLE)
    ;(first ?? root).focus()
  }

  function onKey(e: KeyboardEvent): void {
    if (e.defaultPrevented) return
    const target = e.target
    const inField = target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement
    // With Alt held, macOS composes characters (Option+J = ∆): read the physical letter.
    const key = e.altKey && e.code.startsWith('Key') ? e.code.slice(3).toLowerCase() : e.key
    const command = shortcutFor({ key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, shiftKey: e.shiftKey, altKey: e.altKey }, inField)
    if (!command) return
    e.preventDefault()
    if (command === 'nextRegion' || command === 'previousRegion') {
      focusRegion(nextRegion(regionOf(document.activeElement), presentRegions(), command === 'previousRegion'))
    } else run[command]?.()
  }

  /**
   * Shift+Tab on column A of the grid (where it cannot move further left) leaves the
   * grid for the formula bar, so Tab and Shift+Tab alone reach every control from page
   * load; everywhere else in the grid Tab keeps its spreadsheet meaning.
   */
  function onTabOut(e: KeyboardEvent): void {
    if (e.key !== 'Tab' || !e.shiftKey || e.ctrlKey || e.metaKey || e.altKey) return
    if (e.target !== document.getElementById('grid') || view.editing() || view.selection().col !== 0) return
    e.preventDefault()
    e.stopPropagation()
    focusRegion('formulaBar')
  }

  window.addEventListener('keydown', onTabOut, true)
  window.addEventListener('keydown', onKey)
  onCleanup(() => {
    window.removeEventListener('keydown', onTabOut, true)
    window.removeEventListener('keydown', onKey)
  })
}
