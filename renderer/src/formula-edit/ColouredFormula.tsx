// The coloured copy of a formula being typed, drawn under its editor (the in-cell editor
// or the formula bar): an <input> cannot colour parts of its text, so while the formula
// has references the input's own text turns transparent (class `ref-coloured`, caret and
// selection still drawn by the input) and this layer, at the input's exact box, font and
// horizontal scroll, shows the text with each reference in its colour
// (model/reference-colours.ts). Placed before the input in the same positioned parent.
import { For, Show, createMemo, onCleanup, onMount } from 'solid-js'
import { pieces, REFERENCE_COLOURS, type ColouredSpan } from '../model/reference-colours'

export function ColouredFormula(props: { input: () => HTMLInputElement | undefined; text: string; spans: ColouredSpan[] }) {
  let layer: HTMLDivElement | undefined
  let line: HTMLDivElement | undefined
  const parts = createMemo(() => pieces(props.text, props.spans))

  // The input moves (the cell editor follows scrolling), resizes and scrolls its text
  // without events we could rely on, so its box and scroll are copied once a frame while
  // this layer is shown (only during a formula edit with references).
  onMount(() => {
    let frame = 0
    let last = ''
    const follow = () => {
      const el = props.input()
      if (el && layer && line) {
        const cs = getComputedStyle(el)
        const key = [el.offsetTop, el.offsetLeft, el.offsetWidth, el.offsetHeight, el.scrollLeft, cs.font, cs.padding, cs.borderWidth].join('|')
        if (key !== last) {
          last = key
          Object.assign(layer.style, {
            top: `${el.offsetTop}px`, left: `${el.offsetLeft}px`, width: `${el.offsetWidth}px`, height: `${el.offsetHeight}px`,
            font: cs.font, letterSpacing: cs.letterSpacing, padding: cs.padding, borderWidth: cs.borderWidth, zIndex: cs.zIndex,
          })
          line.style.transform = `translateX(${-el.scrollLeft}px)`
        }
      }
      frame = requestAnimationFrame(follow)
    }
    follow()
    onCleanup(() => cancelAnimationFrame(frame))
  })

  return (
    <div class="coloured-formula" ref={layer} aria-hidden="true">
      <div class="coloured-formula-clip">
        <div class="coloured-formula-line" ref={line}>
          <For each={parts()}>
            {(p) => (
              <Show when={p.colour !== null} fallback={<span>{p.text}</span>}>
                <span class="ref-text" data-ref-colour={p.colour!} style={{ color: REFERENCE_COLOURS[p.colour!] }}>{p.text}</span>
              </Show>
            )}
          </For>
        </div>
      </div>
    </div>
  )
}
