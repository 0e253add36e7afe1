// `gradsheet` command-line arguments (SPEC §6), parsed with node:util parseArgs.
// Every mistake becomes a usage error in words (exit code 2), never an exception.
import { parseArgs } from 'node:util'

export const USAGE = `Usage: gradsheet eval FILE [--objective REF] [--set REF=INPUT]... [--edit JSON]... [--only REF,...] [--json] [--timing]
       gradsheet export FILE --to pytorch|numpy [--objective REF] [--out PATH]
       gradsheet sensitivity FILE [--objective REF] [--top N] [--json]
       gradsheet convert FILE --out PATH.xlsx|PATH.gradsheet [--gradients]

FILE is a .gradsheet workbook or an Excel .xlsx file.

eval: prints every non-empty cell's value and gradient dJ/dcell.
  --objective REF   use this cell as the objective J (a name, B4 or Sheet1!B4)
  --set REF=INPUT   change a cell's input before printing (repeatable, applied in order);
                    split at the first "=": --set A2==x+5 sets A2 to "=x+5"
  --edit JSON       apply an editing command before printing (repeatable, in order with --set):
                    copyCells, moveCells, fill, clearCells, insertRows, deleteRows,
                    insertColumns, deleteColumns, setColumnWidth (docs/cli.md), e.g.
                    --edit '{"type":"insertRows","sheet":"Sheet1","at":2,"count":1}'
  --only REF,...    print just these cells
  --json            print one JSON document instead of a table
  --timing          write {"load_ms","eval_ms","edits_ms"} as one JSON line to stderr
  -h, --help        show this help

export: writes one Python module that computes J (to --out PATH, default stdout);
  running it prints {"J", "grads"}; "python3 PATH --train" trains the parameters.
sensitivity: ranks the input cells J depends on by |dJ/dx|, with elasticity x/J*dJ/dx
  --top N           list only the N largest
convert: writes the workbook as .xlsx (formulas in Excel syntax; --gradients adds a
  "dJ" sheet of gradients per sheet) or as .gradsheet (e.g. from an .xlsx)`

export interface CellEditRequest {
  ref: string
  input: string
}

/** An `--edit` (issue 9): an engine edit as JSON, applied after the first `afterSets` --set edits. */
export interface EditRequest {
  edit: Record<string, unknown> & { type: string }
  afterSets: number
}

export interface EvalOptions {
  file: string
  objective: string | null
  sets: CellEditRequest[]
  /** Present only when --edit was given. */
  edits?: EditRequest[]
  only: string[] | null
  json: boolean
  timing: boolean
}

export interface ExportOptions {
  file: string
  to: 'pytorch' | 'numpy'
  objective: string | null
  out: string | null
}

export interface SensitivityOptions {
  file: string
  objective: string | null
  top: number | null
  json: boolean
}

export interface ConvertOptions {
  file: string
  out: string
  gradients: boolean
}

export type ParsedCommand =
  | { kind: 'help' }
  | { kind: 'eval'; options: EvalOptions }
  | { kind: 'export'; options: ExportOptions }
  | { kind: 'sensitivity'; options: SensitivityOptions }
  | { kind: 'convert'; options: ConvertOptions }
  | { kind: 'usage-error'; message: string }

export function parseCommandLine(argv: string[]): ParsedCommand {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      tokens: true,
      options: {
        objective: { type: 'string' },
        set: { type: 'string', multiple: true },
        edit: { type: 'string', multiple: true },
        only: { type: 'string', multiple: true },
        json: { type: 'boolean' },
        timing: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        to: { type: 'string' },
        out: { type: 'string' },
        top: { type: 'string' },
        gradients: { type: 'boolean' },
      },
    })
  } catch (error) {
    return usageError(cleanParseArgsMessage((error as Error).message))
  }
  const { values, positionals, tokens } = parsed
  if (values.help) return { kind: 'help' }
  const [command, file, ...extra] = positionals
  if (command === undefined) return usageError(`no command given (the commands are ${COMMANDS})`)
  if (!['eval', 'export', 'sensitivity', 'convert'].includes(command)) return usageError(`unknown command "${command}" (the commands are ${COMMANDS})`)
  if (file === undefined || file === '') return usageError(`${command} needs a FILE to load`)
  if (extra.length > 0) return usageError(`unexpected argument "${extra[0]}" (one FILE at a time)`)
  const misplaced = (allowed: string[]) =>
    (Object.keys(values) as string[]).find((option) => option !== 'help' && !allowed.includes(option))
  const objectiveText = values.objective ?? null
  if (objectiveText !== null && objectiveText.trim() === '') return usageError('--objective needs a cell (a name, B4 or Sheet1!B4)')
  if (command === 'export') {
    const wrong = misplaced(['objective', 'to', 'out'])
    if (wrong) return usageError(`--${wrong} is not an option of export`)
    if (values.to !== 'pytorch' && values.to !== 'numpy') return usageError('export needs --to pytorch or --to numpy')
    if (values.out !== undefined && values.out.trim() === '') return usageError('--out needs a file path')
    return { kind: 'export', options: { file, to: values.to, objective: objectiveText?.trim() ?? null, out: values.out ?? null } }
  }
  if (command === 'sensitivity') {
    const wrong = misplaced(['objective', 'top', 'json'])
    if (wrong) return usageError(`--${wrong} is not an option of sensitivity`)
    let top: number | null = null
    if (values.top !== undefined) {
      top = Number(values.top)
      if (!/^[0-9]+$/.test(values.top.trim()) || !Number.isInteger(top) || top < 1) return usageError(`--top needs a whole number of at least 1, got "${values.top}"`)
    }
    return { kind: 'sensitivity', options: { file, objective: objectiveText?.trim() ?? null, top, json: values.json ?? false } }
  }
  if (command === 'convert') {
    const wrong = misplaced(['out', 'gradients'])
    if (wrong) return usageError(`--${wrong} is not an option of convert`)
    if (values.out === undefined || !/\.(xlsx|gradsheet)$/i.test(values.out.trim())) return usageError('convert needs --out PATH ending in .xlsx or .gradsheet')
    return { kind: 'convert', options: { file, out: values.out.trim(), gradients: values.gradients ?? false } }
  }
  const wrongForEval = misplaced(['objective', 'set', 'only', 'json', 'timing', 'edit'])
  if (wrongForEval) return usageError(`--${wrongForEval} is not an option of eval`)

  const sets: CellEditRequest[] = []
  for (const text of values.set ?? []) {
    const at = text.indexOf('=')
    const ref = at < 0 ? '' : text.slice(0, at).trim()
    if (at < 0 || ref === '') return usageError(`--set "${text}" is not REF=INPUT (for example --set x=2 or --set A2==x+5)`)
    sets.push({ ref, input: text.slice(at + 1) })
  }
  const edits: EditRequest[] = []
  let setsSeen = 0
  for (const token of tokens ?? []) {
    if (token.kind !== 'option') continue
    if (token.name === 'set') setsSeen++
    if (token.name !== 'edit') continue
    const edit = readEdit(token.value ?? '')
    if (typeof edit === 'string') return usageError(edit)
    edits.push({ edit, afterSets: setsSeen })
  }
  let only: string[] | null = null
  if (values.only !== undefined) {
    only = values.only.flatMap((list) => list.split(',')).map((ref) => ref.trim())
    if (only.some((ref) => ref === '')) return usageError('--only needs a comma-separated list of cells, like --only x,J,Sheet1!B4')
  }
  const objective = values.objective ?? null
  if (objective !== null && objective.trim() === '') return usageError('--objective needs a cell (a name, B4 or Sheet1!B4)')
  const options: EvalOptions = { file, objective: objective?.trim() ?? null, sets, only, json: values.json ?? false, timing: values.timing ?? false }
  if (edits.length > 0) options.edits = edits
  return { kind: 'eval', options }
}

/** One --edit's JSON: an object with a "type" (the engine checks the rest and says what is wrong). */
function readEdit(text: string): EditRequest['edit'] | string {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return `--edit ${text.slice(0, 60)}: not JSON (write it like '{"type":"insertRows","sheet":"Sheet1","at":2,"count":1}')`
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof (value as { type?: unknown }).type !== 'string')
    return `--edit ${text.slice(0, 60)}: an edit is a JSON object with a "type", like {"type":"insertRows","sheet":"Sheet1","at":2,"count":1}`
  return value as EditRequest['edit']
}

const COMMANDS = '"eval", "export", "sensitivity" and "convert"'

function usageError(message: string): ParsedCommand {
  return { kind: 'usage-error', message }
}

/** parseArgs mentions positionals and `--foo` hints meant for programmers; keep the gist. */
function cleanParseArgsMessage(message: string): string {
  const unknown = /Unknown option '([^']+)'/.exec(message)
  if (unknown) return `unknown option ${unknown[1]}`
  const missing = /Option '([^']+)' argument missing/.exec(message)
  if (missing) return `${missing[1].split(',').pop()?.trim().replace(/ <value>$/, '')} needs a value`
  return message.split('\n')[0]
}
