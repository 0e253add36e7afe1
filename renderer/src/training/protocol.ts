// The training part of the worker protocol (added to the unions in worker/protocol.ts).
// A 'train' request is answered by 'trainProgress' messages (partial, about 20 per
// second) and one final 'trained'; 'trainStop' asks the running request to end after
// its current step.
import type { CellView, Edit, ObjectiveState, WorkbookFigures } from '../../../engine/api'
import type { GradCheckRow } from '../../../engine/train/gradcheck'
import type { TrainOptions } from '../../../engine/train/loop'
import type { TrainingSettings } from '../../../engine/train/settings'

/** Training settings a workbook carries (its `training` field, engine/train/settings.ts). */
export type { TrainingSettings }

/** [step, J, θ of each tracked parameter element…]; step 0 is before training. */
export type LossPoint = number[]

export type TrainingRequest =
  | { id: number; type: 'train'; options: TrainOptions }
  | { id: number; type: 'trainStop' }
  | { id: number; type: 'randomize'; seed: number; scale?: number }
  | { id: number; type: 'gradCheck'; cells?: { sheet: string; address: string }[]; tolerance?: number }
  | { id: number; type: 'trainingSettings' }
  /** Stores the panel's settings in the workbook (saved with it). */
  | { id: number; type: 'setTrainingSettings'; settings: TrainingSettings }

export type TrainingResponse =
  | { id: number; type: 'trainProgress'; points: LossPoint[]; paramLabels: string[]; cells: CellView[]; objective: ObjectiveState; figures?: WorkbookFigures }
  | {
      id: number
      type: 'trained'
      /** Steps actually taken. */
      steps: number
      stopped: boolean
      /** Why the run ended early (NaN/Infinity, missing gradient), or null. */
      error: string | null
      points: LossPoint[]
      /** The parameter elements whose values follow J in each point. */
      paramLabels: string[]
      cells: CellView[]
      objective: ObjectiveState
      /** windowed: the engine's figures (status bar error count, colour scale). */
      figures?: WorkbookFigures
      /** Edits that undo the whole run, and that redo it. Empty when nothing changed. */
      undo: Edit[]
      redo: Edit[]
    }
  | { id: number; type: 'trainStopping'; running: boolean }
  | { id: number; type: 'randomized'; edits: Edit[] }
  | { id: number; type: 'gradChecked'; rows: GradCheckRow[] }
  | { id: number; type: 'trainingSettings'; settings: Partial<TrainingSettings> | null }
  | { id: number; type: 'trainingSettingsSet'; stored: boolean }

export const TRAINING_REQUESTS = new Set(['train', 'trainStop', 'randomize', 'gradCheck', 'trainingSettings', 'setTrainingSettings'])
