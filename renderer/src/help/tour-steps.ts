// The guided tour's script (data, unit-tested): it builds the reference text's first
// example, f(x) = ((x + 5)^3 + 1)^2 at x = −3 (SPEC §8 example 1), in an empty sheet,
// one cell at a time, and explains the forward pass as each cell is computed and the
// backward pass once J exists. Each step's edits are ordinary, undoable edits.
import type { Edit } from '../../../engine/api'

export interface TourStep {
  title: string
  /** What the step explains, in words. */
  text: string
  /** Edits the step makes (one undoable action), if any. */
  edits?: Edit[]
  /** The cell the step points at (selected in the grid). */
  select?: string
}

const set = (address: string, input: string, name?: string): Edit[] => [
  { type: 'setInput', sheet: 'Sheet1', address, input },
  ...(name ? [{ type: 'setName', sheet: 'Sheet1', address, name } as Edit] : []),
]
const label = (address: string, text: string): Edit => ({ type: 'setInput', sheet: 'Sheet1', address, input: text })

export const TOUR: TourStep[] = [
  {
    title: 'A spreadsheet that differentiates',
    text: 'Every cell is a node of a computational graph: it shows its value and, once there is an objective J, its gradient ∂J/∂cell. This tour builds f(x) = ((x + 5)³ + 1)² at x = −3, the first example of the reference text, in an empty sheet.',
  },
  {
    title: 'An input: x = −3',
    text: 'B1 holds the number −3 and is named x, so formulas can say x instead of B1. An input is a leaf of the graph.',
    edits: [label('A1', 'x'), ...set('B1', '-3', 'x')],
    select: 'B1',
  },
  {
    title: 'Forward: h = x + 5',
    text: 'A formula reads other cells. The forward pass computes it from its inputs: h = −3 + 5 = 2.',
    edits: [label('A2', 'h = x + 5'), ...set('B2', '=x + 5', 'h')],
    select: 'B2',
  },
  {
    title: 'Forward: g = h³ + 1',
    text: 'Each formula is one node; references are its edges. g = 2³ + 1 = 9.',
    edits: [label('A3', 'g = h^3 + 1'), ...set('B3', '=h^3 + 1', 'g')],
    select: 'B3',
  },
  {
    title: 'Forward: f = g²',
    text: 'f = 9² = 81. The values flow forward, left to right in the graph, from the inputs to the result.',
    edits: [label('A4', 'f = g^2'), ...set('B4', '=g^2', 'f')],
    select: 'B4',
  },
  {
    title: 'The objective: J = f',
    text: 'A cell named J is the objective. Now the backward pass runs too: every cell shows ∂J/∂cell in a coloured chip under its value (red: raising the cell raises J; blue: it lowers J).',
    edits: [label('A5', 'J = f'), ...set('B5', '=f', 'J')],
    select: 'B5',
  },
  {
    title: 'Backward: ∂J/∂f = 1, ∂J/∂g = 18',
    text: 'The backward pass starts at J with ∂J/∂J = 1 and walks the graph right to left. Each step multiplies by a local partial: ∂J/∂g = ∂J/∂f · ∂f/∂g = 1 × 2g = 18.',
    select: 'B3',
  },
  {
    title: 'Backward: ∂J/∂h = 216',
    text: 'The chain rule again: ∂J/∂h = ∂J/∂g · ∂g/∂h = 18 × 3h² = 18 × 12 = 216.',
    select: 'B2',
  },
  {
    title: 'Backward: ∂J/∂x = 216',
    text: '∂J/∂x = ∂J/∂h · ∂h/∂x = 216 × 1 = 216: raising x by 0.01 raises J by about 2.16. Hover any ∂ chip to read it in words; the Graph button shows the whole picture, with a step-through of both passes.',
    select: 'B1',
  },
]
