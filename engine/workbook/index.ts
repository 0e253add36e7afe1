// The workbook file layer: the one restore step and serialisation (SPEC §5).
export * from './document.ts'
export { restoreDocument, restoreParsed } from './restore.ts'
export { serializeDocument } from './serialize.ts'
export { parseAddressKey } from './address-key.ts'
