// engine/export: a workbook as one readable Python module (PyTorch or NumPy), pure TS.
export { exportPython, DEFAULT_INLINE_DATA_LIMIT, type ExportOptions, type ExportResult, type ExportedFile } from './module'
export { TRANSLATIONS, translationOf, type Target, type Translation } from './translations'
