// How deeply a JSON text nests, read from the text itself: one pass over its characters,
// counting `[` and `{` outside strings, nothing allocated. restore uses it to skip the
// object walk of limits.ts's jsonDepthProblem when the text cannot be too deep (the walk
// listed every cell's fields: for a million cells ~1.5 s and a million small arrays;
// load branch, issue 12). The parsed value never nests deeper than its text (a
// duplicated key only drops a value), so a text within the limit needs no walk, and a
// text past it still gets the walk's exact answer.

/** The deepest nesting of arrays and objects in a JSON text (0 for a bare value). */
export function textDepth(text: string): number {
  let depth = 0
  let deepest = 0
  const n = text.length
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i)
    if (c === 34) {
      // A string: skip to its closing quote (a backslash escapes the next character).
      for (i++; i < n; i++) {
        const s = text.charCodeAt(i)
        if (s === 92) i++
        else if (s === 34) break
      }
    } else if (c === 91 || c === 123) {
      if (++depth > deepest) deepest = depth
    } else if (c === 93 || c === 125) depth--
  }
  return deepest
}
