// The player's controls and the written-out steps (current one highlighted).
import { For, Show } from 'solid-js'
import type { Step } from '../../../engine/explain/types'
import type { StepPlayer } from './step-player'

export function StepPlayerView(props: { player: StepPlayer; steps: Step[] }) {
  const p = props.player
  let list: HTMLOListElement | undefined
  const scrollToCurrent = () => queueMicrotask(() => list?.querySelector('[aria-current="step"]')?.scrollIntoView({ block: 'nearest' }))
  return (
    <section class="graph-player" aria-label="Step-through">
      <div class="graph-player-controls" role="group" aria-label="Step-through controls">
        <button type="button" onClick={() => { p.reset(); scrollToCurrent() }}>Reset</button>
        <button type="button" onClick={() => { p.back(); scrollToCurrent() }} disabled={(p.index() ?? -1) < 0}>Back</button>
        <button type="button" onClick={() => { p.step(); scrollToCurrent() }} disabled={(p.index() ?? -1) >= props.steps.length - 1}>Step</button>
        <button type="button" aria-pressed={p.playing()} onClick={p.play}>{p.playing() ? 'Pause' : 'Play'}</button>
        <Show when={p.index() !== null}>
          <button type="button" onClick={p.stop} title="Leave the step-through and show every number">Show all</button>
        </Show>
        <span class="graph-muted" data-step-position>{p.index() === null ? '' : `${(p.index() ?? -1) + 1} / ${props.steps.length}`}</span>
      </div>
      <p class="graph-step-now" aria-live="polite" data-current-step>
        {p.current() ? `${p.current()!.phase === 'forward' ? 'Forward' : 'Backward'}: ${p.current()!.text}` : p.index() === -1 ? 'At the start: press Step.' : ''}
      </p>
      <Show when={p.index() !== null}>
        <ol class="graph-steps" ref={list}>
          <For each={props.steps}>
            {(s, i) => (
              <li data-step={i()} data-step-node={s.node} data-phase={s.phase} aria-current={p.index() === i() ? 'step' : undefined} classList={{ done: (p.index() ?? -1) >= i() }}>
                {s.text}
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  )
}
