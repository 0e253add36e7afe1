// A workbook's training settings: the optional top-level `training` field of the file
// ({"method": "adam", "learningRate": 0.05, "steps": 200, "seed": 1}), so a model opens
// with the settings it was trained with. Every key is optional (a missing one takes the
// default); a present one must be usable, and restore refuses the file in words if not.
// Readers that predate the field keep it as an unknown field, untouched.
import { MAX_STEPS } from './loop'
import { METHODS, type Method } from './optimizers'

export interface TrainingSettings {
  method: Method
  learningRate: number
  steps: number
  /** Seed of Randomize parameters. */
  seed: number
}

export const DEFAULT_TRAINING: TrainingSettings = { method: 'adam', learningRate: 0.05, steps: 200, seed: 1 }

const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'string' ? `"${v.slice(0, 40)}"` : typeof v === 'object' ? 'an object' : String(v))

/** Why a `training` field cannot be used (one message per bad key), or []. */
export function trainingSettingsProblems(value: unknown): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [`"training" must be an object such as {"method": "adam", "learningRate": 0.05, "steps": 200, "seed": 1}, found ${describe(value)}`]
  const t = value as Record<string, unknown>
  const out: string[] = []
  if ('method' in t && !(typeof t.method === 'string' && Object.hasOwn(METHODS, t.method))) out.push(`"training.method" must be one of ${Object.keys(METHODS).map((m) => `"${m}"`).join(', ')}, found ${describe(t.method)}`)
  if ('learningRate' in t && !(typeof t.learningRate === 'number' && Number.isFinite(t.learningRate) && t.learningRate > 0)) out.push(`"training.learningRate" must be a number above 0, found ${describe(t.learningRate)}`)
  if ('steps' in t && !(typeof t.steps === 'number' && Number.isInteger(t.steps) && t.steps >= 1 && t.steps <= MAX_STEPS)) out.push(`"training.steps" must be a whole number from 1 to ${MAX_STEPS}, found ${describe(t.steps)}`)
  if ('seed' in t && !(typeof t.seed === 'number' && Number.isSafeInteger(t.seed))) out.push(`"training.seed" must be a whole number, found ${describe(t.seed)}`)
  return out
}

/** The settings a valid `training` field gives (defaults for missing keys), or the defaults. */
export function trainingSettingsOf(value: unknown): TrainingSettings {
  if (value === undefined || trainingSettingsProblems(value).length > 0) return { ...DEFAULT_TRAINING }
  return { ...DEFAULT_TRAINING, ...(pick(value as Record<string, unknown>) as Partial<TrainingSettings>) }
}

function pick(t: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const k of ['method', 'learningRate', 'steps', 'seed']) if (k in t) out[k] = t[k]
  return out
}
