// Paste values: a computed value written back as an input that means exactly that value
// (SPEC §1). Numbers keep every digit (JavaScript's shortest round-trip text); labels
// stay labels, quoted with ' when their text would otherwise read as a number or a
// formula; booleans, vectors and matrices become constant formulas (=true, =[1, 2]),
// the only inputs that hold them; an error value becomes its code as a label.
import type { CellValue, Tensor } from '../api'
import { classifyInput } from '../input'

function tensorText(t: Tensor): string {
  return `[${(t as (number | number[])[]).map((x) => (Array.isArray(x) ? tensorText(x) : String(x))).join(', ')}]`
}

/** The input that reads back as this label text. */
export function labelInput(text: string): string {
  const meaning = classifyInput(text)
  return meaning.kind === 'constant' && meaning.value === text ? text : `'${text}`
}

export function valueAsInput(value: CellValue): string {
  switch (value.kind) {
    case 'empty':
      return ''
    case 'number':
      return String(value.value)
    case 'text':
      return value.value === '' ? '' : labelInput(value.value)
    case 'boolean':
      return value.value ? '=true' : '=false'
    case 'tensor':
      return `=${tensorText(value.value)}`
    case 'error':
      return labelInput(value.error.code)
  }
}
