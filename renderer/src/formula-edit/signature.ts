// Splits a signature ("ROUND(x, [digits])") into pieces so the argument the caret is in
// can be drawn in bold; variadic tails ("…") take every later argument.

export interface SignaturePart {
  text: string
  current: boolean
}

export function signatureParts(signature: string, argIndex: number | null): SignaturePart[] {
  const open = signature.indexOf('(')
  const close = signature.lastIndexOf(')')
  if (argIndex === null || open < 0 || close < open) return [{ text: signature, current: false }]
  const args = signature.slice(open + 1, close).split(', ')
  const variadic = args[args.length - 1] === '…'
  const current = variadic && argIndex >= args.length - 1 ? args.length - 2 : argIndex
  const parts: SignaturePart[] = [{ text: signature.slice(0, open + 1), current: false }]
  args.forEach((arg, k) => {
    if (k > 0) parts.push({ text: ', ', current: false })
    parts.push({ text: arg, current: k === current })
  })
  parts.push({ text: signature.slice(close), current: false })
  return parts
}
