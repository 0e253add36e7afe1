// CSV/TSV text → rows of fields (RFC 4180: quoted fields, "" inside quotes, CRLF or LF),
// and the checks a dataset import needs: every row the same length, every data field a
// number, the header row optional. Errors are values with the row and column in words.

export type Delimiter = ',' | '\t' | ';'

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string }

/** The delimiter of a text: a tab if its first line has one, else ';' if it has ';' and no ',', else ','. */
export function detectDelimiter(text: string): Delimiter {
  const first = text.slice(0, text.search(/\r?\n|$/))
  if (first.includes('\t')) return '\t'
  if (first.includes(';') && !first.includes(',')) return ';'
  return ','
}

/** Splits text into rows of fields. Blank lines at the end are dropped. */
export function parseFields(text: string, delimiter: Delimiter = detectDelimiter(text)): Parsed<string[][]> {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let openedAt = 1
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0 // a byte-order mark is not data
  for (; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else {
        if (ch === '\n') line++
        field += ch
      }
    } else if (ch === '"' && field === '') {
      quoted = true
      openedAt = line
    }
    else if (ch === delimiter) {
      row.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      line++
    } else field += ch
  }
  if (quoted) return { ok: false, error: `line ${openedAt}: a quoted field is not closed (a " is missing)` }
  if (field !== '' || row.length) {
    row.push(field)
    rows.push(row)
  }
  while (rows.length && rows[rows.length - 1].every((f) => f.trim() === '')) rows.pop()
  return { ok: true, value: rows }
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/

export function isNumberText(s: string): boolean {
  return NUMBER.test(s.trim()) && Number.isFinite(Number(s.trim()))
}

export interface Dataset {
  /** Column names, or null when the file has no header row. */
  header: string[] | null
  rows: number[][]
}

export type HeaderMode = 'auto' | 'yes' | 'no'

/**
 * A numeric table from CSV text. With header 'auto', the first row is a header when any
 * of its fields is not a number. Every other field must be a number.
 */
export function parseDataset(text: string, header: HeaderMode = 'auto', delimiter?: Delimiter): Parsed<Dataset> {
  const fields = parseFields(text, delimiter ?? detectDelimiter(text))
  if (!fields.ok) return fields
  const all = fields.value
  if (all.length === 0) return { ok: false, error: 'the file has no rows' }
  const hasHeader = header === 'yes' || (header === 'auto' && all[0].some((f) => !isNumberText(f)))
  const head = hasHeader ? all[0].map((f) => f.trim()) : null
  const body = hasHeader ? all.slice(1) : all
  if (body.length === 0) return { ok: false, error: 'the file has a header row but no data rows' }
  const width = (head ?? body[0]).length
  const rows: number[][] = []
  for (let r = 0; r < body.length; r++) {
    const line = r + (hasHeader ? 2 : 1)
    if (body[r].length !== width)
      return { ok: false, error: `row ${line} has ${body[r].length} fields, but ${hasHeader ? 'the header' : 'row 1'} has ${width} (ragged rows)` }
    const nums: number[] = []
    for (let c = 0; c < width; c++) {
      const f = body[r][c]
      if (!isNumberText(f)) {
        const what = f.trim() === '' ? 'is empty' : `is "${f.length > 20 ? f.slice(0, 20) + '…' : f}", not a number`
        return { ok: false, error: `row ${line}, column ${c + 1}${head ? ` (${head[c]})` : ''} ${what}` }
      }
      nums.push(Number(f.trim()))
    }
    rows.push(nums)
  }
  return { ok: true, value: { header: head, rows } }
}
