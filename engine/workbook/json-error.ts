// Says where a JSON text stops being valid, in words ("line 3, column 7: unexpected
// "}""). JSON.parse's own messages differ between V8 versions and sometimes carry no
// position at all, so this small scanner finds the spot itself. It is iterative:
// deeply nested input cannot overflow the stack.

export interface JsonProblem {
  line: number
  column: number
  what: string
}

/** Where `text` (which JSON.parse refused) first goes wrong. */
export function locateJsonProblem(text: string): JsonProblem {
  const offset = firstBadOffset(text)
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  const column = offset - before.lastIndexOf('\n')
  let what: string
  if (offset >= text.length) what = text.trim() === '' ? 'the file is empty' : 'the text ends before the JSON is complete'
  else {
    const ch = text[offset]
    const shown = ch < ' ' ? `a control character (code ${ch.charCodeAt(0)})` : `"${ch}"`
    what = `unexpected ${shown}`
  }
  return { line, column, what }
}

class Stop {
  constructor(readonly at: number) {}
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y

function firstBadOffset(text: string): number {
  let i = 0
  const stack: string[] = []
  const fail = (): never => {
    throw new Stop(i)
  }
  const skipSpace = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++
  }
  const expect = (ch: string) => {
    skipSpace()
    if (text[i] !== ch) fail()
    i++
  }
  const string = () => {
    if (text[i] !== '"') fail()
    i++
    for (;;) {
      if (i >= text.length) fail()
      const ch = text[i]
      if (ch === '"') return void i++
      if (ch < ' ') fail()
      if (ch === '\\') {
        const esc = text[i + 1]
        if (esc === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return void ((i += 1), fail())
          i += 6
        } else if (esc !== undefined && '"\\/bfnrt'.includes(esc)) i += 2
        else return void ((i += 1), fail())
      } else i++
    }
  }
  try {
    // `value` is true while a value is expected next, false after one was read.
    let value = true
    for (;;) {
      skipSpace()
      if (value) {
        const ch = text[i]
        if (ch === '{') {
          i++
          skipSpace()
          if (text[i] === '}') {
            i++
            value = false
          } else {
            stack.push('{')
            skipSpace()
            string()
            expect(':')
          }
        } else if (ch === '[') {
          i++
          skipSpace()
          if (text[i] === ']') {
            i++
            value = false
          } else stack.push('[')
        } else if (ch === '"') {
          string()
          value = false
        } else if (text.startsWith('true', i) || text.startsWith('null', i)) {
          i += 4
          value = false
        } else if (text.startsWith('false', i)) {
          i += 5
          value = false
        } else {
          NUMBER.lastIndex = i
          if (!NUMBER.test(text)) fail()
          i = NUMBER.lastIndex
          value = false
        }
        continue
      }
      const top = stack[stack.length - 1]
      if (top === undefined) {
        if (i < text.length) fail()
        return text.length
      }
      const close = top === '{' ? '}' : ']'
      if (text[i] === ',') {
        i++
        if (top === '{') {
          skipSpace()
          string()
          expect(':')
        }
        value = true
      } else if (text[i] === close) {
        i++
        stack.pop()
      } else fail()
    }
  } catch (stop) {
    if (stop instanceof Stop) return stop.at
    throw stop
  }
}
