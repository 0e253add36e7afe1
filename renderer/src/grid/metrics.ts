// Grid geometry at zoom 1 (CSS px). Rows are two lines tall: the value and ∂J/∂cell.
export const ROW_HEIGHT = 40
export const COLUMN_WIDTH = 112
export const ROW_HEADER_WIDTH = 64
export const COLUMN_HEADER_HEIGHT = 26
