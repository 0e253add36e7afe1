// A spreadsheet file as plain data, between the file library (ExcelJS, in node/xlsx) and
// the translation (this folder): sheets of cells with their Excel formula and the value
// Excel cached for it, and the workbook's defined names. Pure data, no library types.

export type XlsxScalar = number | string | boolean | { error: string } | null

export interface XlsxCell {
  /** "B4" (upper case, no $). */
  address: string
  /** The formula's text without "=", when the cell holds a formula. */
  formula?: string
  /** The value: a constant cell's value, or the result Excel cached for a formula. */
  value: XlsxScalar
}

export interface XlsxSheet {
  name: string
  cells: XlsxCell[]
  /** Sheets Excel hides from the user ("hidden", "veryHidden"). */
  state?: string
}

export interface XlsxDefinedName {
  name: string
  /** What the name stands for, as Excel writes it: "Sheet1!$B$1", "Data!$A$2:$A$9", "0.05". */
  refersTo: string
}

export interface XlsxBook {
  sheets: XlsxSheet[]
  names: XlsxDefinedName[]
}
