// The exported Python module (SPEC §6 `gradsheet export`): the prelude of helpers, the
// workbook's inputs (parameters as torch.nn.Parameter, data as one vector, inline or in
// a CSV file beside the module), a Model whose forward() computes J one cell per line in
// topological order — a filled-down run of cells as one vector line (vectorise.ts) — a report that prints {"J", "grads"} through the target's own
// autodiff, and a training loop with the optimizer the workbook's training settings name.
import { formatAddress } from '../address'
import type { Engine } from '../index'
import { formulaExpression, NotExportable, pyValue, valueOf, type CellSource, type VectorPlace } from './expressions'
import { layoutData } from './layout'
import { planExport } from './plan'
import { NUMPY_PRELUDE } from './prelude-numpy'
import { TORCH_PRELUDE } from './prelude-torch'
import { PythonNames, pyComment, pyNumber, pyString } from './python-names'
import { laneKey, runKey } from './runs'
import type { Target } from './translations'
import { isRun, settleRuns, vectorCandidates, type VectorRun } from './vectorise'

export interface ExportOptions {
  target: Target
  /** Where the module will be written (its file name only), or null for standard output: data is then always inline. */
  moduleFileName: string | null
  /** Data vectors longer than this go to a CSV file beside the module. */
  inlineDataLimit?: number
  /** Shown in the module's docstring. */
  sourceName?: string
}

export interface ExportedFile {
  /** A file name to write beside the module. */
  name: string
  text: string
}

export type ExportResult = { ok: true; code: string; files: ExportedFile[] } | { ok: false; error: string }

export const DEFAULT_INLINE_DATA_LIMIT = 1000

interface TrainingSettings {
  method: 'gd' | 'momentum' | 'adam'
  learningRate: number
  steps: number
}

/** The workbook's stored training settings (docs/training.md), with the panel's defaults. */
function trainingSettings(doc: Record<string, unknown>): TrainingSettings {
  const t = (doc.training ?? {}) as Record<string, unknown>
  const method = t.method === 'gd' || t.method === 'momentum' || t.method === 'adam' ? t.method : 'adam'
  const learningRate = typeof t.learningRate === 'number' && t.learningRate > 0 && Number.isFinite(t.learningRate) ? t.learningRate : 0.05
  const steps = typeof t.steps === 'number' && Number.isInteger(t.steps) && t.steps >= 1 ? t.steps : 200
  return { method, learningRate, steps }
}

const OPTIMIZERS: Record<TrainingSettings['method'], string> = {
  gd: 'torch.optim.SGD(model.parameters(), lr=learning_rate)',
  momentum: 'torch.optim.SGD(model.parameters(), lr=learning_rate, momentum=0.9)',
  adam: 'torch.optim.Adam(model.parameters(), lr=learning_rate, betas=(0.9, 0.999), eps=1e-8)',
}

export function exportPython(engine: Engine, options: ExportOptions): ExportResult {
  const plan = planExport(engine)
  if ('error' in plan) return { ok: false, error: plan.error }
  const { target } = options
  const torch = target === 'pytorch'
  const manySheets = engine.sheets().length > 1
  const names = new PythonNames()
  const varOf = new Map<string, string>()
  // Filled-down runs written as one vector line each, and the data vector laid out so they read slices of it.
  const candidates = vectorCandidates(plan, target)
  const { index: dataIndex, keys: dataKeys, values: dataValues } = layoutData(plan, candidates)
  const { member, units } = settleRuns(plan, candidates, dataIndex)

  // Which cells get a line of their own: parameters, literals, formulas, and data cells read one by one
  // (a run's rows read their lane cells as a slice, not one by one).
  const readAlone = new Set<string>()
  for (const u of units) {
    const c = isRun(u) ? u.cells[0] : u
    c.slots.forEach((slot, i) => {
      if (slot && c.compiled && !c.compiled.refs[i].range && !(isRun(u) && u.laneSlots.includes(i))) readAlone.add(slot.keys[0])
    })
    for (const k of c.names) if (k) readAlone.add(k)
  }
  readAlone.add(plan.objectiveKey)
  const runVar = new Map<VectorRun, string>()
  for (const u of units) {
    if (isRun(u)) runVar.set(u, names.forCell(runName(engine, u), u.sheet, runVariableSuffix(u), manySheets))
    else if (u.role === 'param' || u.role === 'literal' || u.role === 'formula' || (u.role === 'data' && readAlone.has(u.key)))
      varOf.set(u.key, names.forCell(u.view.name, u.sheet, u.address, manySheets))
  }

  const place = (key: string): VectorPlace | undefined => {
    const m = member.get(key)
    if (m) return { vector: runVar.get(m.run)!, index: m.row, size: m.run.cells.length }
    const k = dataIndex.get(key)
    return k === undefined ? undefined : { vector: 'data', index: k, size: dataKeys.length }
  }
  const source: CellSource = {
    cell: (key) => plan.cells.get(key),
    place,
    read: (key) => {
      const v = varOf.get(key)
      if (v) return v
      const p = place(key)
      if (p) return `${p.vector}[${p.index}]`
      const c = plan.cells.get(key)
      return pyValue(c ? valueOf(c.view.value) : 0)
    },
  }
  /** The vector a lane slot of a run reads: the whole of another run, or a slice. */
  const laneSlice = (run: VectorRun, slot: number): string => {
    const p = place(laneKey(run, slot, 0)!)!
    const n = run.cells.length
    return p.vector !== 'data' && p.index === 0 && p.size === n ? p.vector : `${p.vector}[${p.index}:${p.index + n}]`
  }

  const forward: string[] = ['        data = self.data']
  const init: string[] = []
  const leaves: { key: string; attr: string; param: boolean }[] = []
  try {
    for (const u of units) {
      if (isRun(u)) {
        const first = u.cells[0]
        const expr = formulaExpression(first, source, target, { laneOps: u.laneOps, rows: u.cells.length, slotExpr: (slot) => laneSlice(u, slot) })
        forward.push(`        ${runVar.get(u)} = ${expr}  # ${pyComment(`${runKey(u)} (${u.cells.length} cells): ${first.view.input}`)}`)
        continue
      }
      const c = u
      const v = varOf.get(c.key)
      if (!v) continue
      const where = `${c.key}${c.view.name ? ` (${c.view.name})` : ''}`
      if (c.role === 'param' || c.role === 'literal') {
        const value = c.view.value.kind === 'empty' ? 0 : valueOf(c.view.value)
        const tensor = torch ? `torch.tensor(${pyValue(value)})` : `np.array(${pyValue(value)})`
        init.push(`        self.${v} = ${torch && c.role === 'param' ? `torch.nn.Parameter(${tensor})` : tensor}  # ${pyComment(where)}${c.role === 'param' ? ', parameter' : ''}`)
        forward.push(`        ${v} = self.${v}`)
        leaves.push({ key: c.key, attr: v, param: c.role === 'param' })
      } else if (c.role === 'data') {
        forward.push(`        ${v} = data[${dataIndex.get(c.key)}]  # ${pyComment(where)}`)
      } else if (c.role === 'formula') {
        forward.push(`        ${v} = ${formulaExpression(c, source, target)}  # ${pyComment(`${where}: ${c.view.input}`)}`)
      }
    }
  } catch (e) {
    if (e instanceof NotExportable) return { ok: false, error: e.message }
    throw e
  }
  const jVar = varOf.get(plan.objectiveKey) ?? source.read(plan.objectiveKey)
  forward.push(`        return _t(${jVar})`)

  const files: ExportedFile[] = []
  const limit = options.inlineDataLimit ?? DEFAULT_INLINE_DATA_LIMIT
  let dataDefinition: string
  if (options.moduleFileName !== null && dataValues.length > limit) {
    const csvName = options.moduleFileName.replace(/\.py$/, '') + '.data.csv'
    files.push({ name: csvName, text: dataValues.map(pyNumber).join('\n') + '\n' })
    dataDefinition = [
      `# ${dataValues.length} data values, one per line, in the order of DATA_KEYS.`,
      `with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), ${pyString(csvName)})) as _file:`,
      '    DATA = [float(line) for line in _file if line.strip()]',
    ].join('\n')
  } else dataDefinition = `DATA = [${dataValues.map(pyNumber).join(', ')}]`

  const settings = trainingSettings(engine.toDocument() as Record<string, unknown>)
  const objectiveView = plan.cells.get(plan.objectiveKey)!.view
  const lines: string[] = []
  lines.push(`"""${(options.sourceName ?? 'A Gradsheet workbook').replace(/"""/g, "'''")}, exported by Gradsheet to ${torch ? 'PyTorch' : 'NumPy'}.`)
  lines.push('')
  lines.push(`The objective J is ${plan.objectiveKey}${objectiveView.name ? ` (${objectiveView.name})` : ''}. Model.forward() computes it one cell per line`)
  lines.push('(a filled-down run of cells as one vector line), in the order the cells depend on each')
  lines.push('other; each line says which cells it is.')
  lines.push('')
  lines.push(`    python3 THIS_FILE            prints {"J": ..., "grads": {"Sheet1!B1": ...}}${torch ? ' (torch autograd)' : ' (NumPy: grads null)'}`)
  if (torch) lines.push(`    python3 THIS_FILE --train    trains the parameters (${settings.method}, learning rate ${settings.learningRate}, ${settings.steps} steps)`)
  lines.push('"""')
  lines.push((torch ? TORCH_PRELUDE : NUMPY_PRELUDE).trim().replace(/^import json/, 'import json\nimport os'))
  lines.push('')
  lines.push('')
  lines.push('# The input cells J depends on that are not parameters: data[k] is the cell DATA_KEYS[k].')
  lines.push(dataDefinition)
  lines.push(`DATA_KEYS = [${dataKeys.map(pyString).join(', ')}]`)
  lines.push('')
  lines.push('')
  lines.push(torch ? 'class Model(torch.nn.Module):' : 'class Model:')
  lines.push('    def __init__(self):')
  if (torch) lines.push('        super().__init__()')
  lines.push(...init)
  lines.push(`        self.data = ${torch ? 'torch.tensor(DATA)' : 'np.array(DATA)'}`)
  lines.push('')
  lines.push('    def forward(self):')
  lines.push(...forward)
  if (!torch) lines.push('', '    __call__ = forward')
  lines.push('')
  lines.push('')
  lines.push(`LEAVES = {${leaves.map((l) => `${pyString(l.key)}: ${pyString(l.attr)}`).join(', ')}}`)
  lines.push('')
  lines.push('')
  lines.push(...(torch ? torchReport() : numpyReport()))
  if (torch) lines.push('', '', ...torchTraining(settings, leaves.some((l) => l.param)))
  lines.push('', '', 'if __name__ == "__main__":')
  if (torch) lines.push('    if "--train" in sys.argv:', '        train()', '    else:', '        report()')
  else lines.push('    report()')
  return { ok: true, code: lines.join('\n') + '\n', files }
}

/** A run's variable starts with the first word of the label just above it ("pred" → pred_C2_C10001), if any. */
function runName(engine: Engine, run: VectorRun): string | undefined {
  if (run.row0 < 2) return undefined
  const above = engine.cell(run.sheet, formatAddress(run.row0 - 1, run.col)).value
  const word = above.kind === 'text' ? /^[A-Za-z][A-Za-z0-9_]*/.exec(above.value.trim())?.[0] : undefined
  return word === undefined ? undefined : `${word}_${runVariableSuffix(run)}`
}

/** "C2_C10001" */
const runVariableSuffix = (run: VectorRun): string => `${formatAddress(run.row0, run.col)}_${formatAddress(run.row0 + run.cells.length - 1, run.col)}`

function torchReport(): string[] {
  return [
    'def report():',
    '    """Prints J and dJ/dcell for every input cell J depends on, from torch autograd."""',
    '    model = Model()',
    '    model.data.requires_grad_(True)',
    '    for attr in LEAVES.values():',
    '        getattr(model, attr).requires_grad_(True)',
    '    J = model()',
    '    J.backward()',
    '    grads = {}',
    '    for key, attr in LEAVES.items():',
    '        leaf = getattr(model, attr)',
    '        grads[key] = (leaf.grad if leaf.grad is not None else torch.zeros_like(leaf)).tolist()',
    '    data_grad = model.data.grad if model.data.grad is not None else torch.zeros_like(model.data)',
    '    for k, key in enumerate(DATA_KEYS):',
    '        grads[key] = data_grad[k].item()',
    '    print(json.dumps({"J": J.item(), "grads": grads}))',
  ]
}

function numpyReport(): string[] {
  return [
    'def report():',
    '    """Prints J; NumPy has no autodiff, so grads is null."""',
    '    J = Model().forward()',
    '    print(json.dumps({"J": float(J), "grads": None}))',
  ]
}

function torchTraining(s: TrainingSettings, hasParams: boolean): string[] {
  return [
    `def train(steps=${s.steps}, learning_rate=${pyNumber(s.learningRate)}):`,
    `    """The workbook's training settings: ${s.method}, learning rate ${s.learningRate}, ${s.steps} steps."""`,
    '    model = Model()',
    ...(hasParams ? [] : ['    print("no parameters: mark the cells to train as parameters in Gradsheet", file=sys.stderr)', '    return']),
    `    optimizer = ${OPTIMIZERS[s.method]}`,
    '    for step in range(1, steps + 1):',
    '        optimizer.zero_grad()',
    '        J = model()',
    '        J.backward()',
    '        optimizer.step()',
    '        if step % max(1, steps // 10) == 0:',
    '            print(json.dumps({"step": step, "J": J.item()}), file=sys.stderr)',
    '    params = {key: getattr(model, attr).tolist() for key, attr in LEAVES.items() if isinstance(getattr(model, attr), torch.nn.Parameter)}',
    '    print(json.dumps({"J": model().item(), "params": params}))',
  ]
}
