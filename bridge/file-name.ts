// The file name at the end of a path, for labels (menus list "model.gradsheet", with the
// whole path beside it). One helper for both the desktop menu (electron/main) and the
// page (renderer), which may not import each other; paths from either OS separator.

/** "/home/me/model.gradsheet" → "model.gradsheet"; a path without a name is returned as it is. */
export function fileNameOf(path: string): string {
  return path.split(/[\\/]/).pop() || path
}
