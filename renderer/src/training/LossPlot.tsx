// J per step, drawn with uPlot: a few tens of kB, canvas-based (fast for 10⁵ points,
// redrawn ~20 times a second during a run), MIT-licensed and without dependencies.
import { createEffect, onCleanup, onMount } from 'solid-js'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'

export function LossPlot(props: { curve: () => [number[], number[]] }) {
  let host!: HTMLDivElement
  let plot: uPlot | undefined

  onMount(() => {
    const size = () => ({ width: Math.max(200, host.clientWidth), height: Math.max(120, host.clientHeight - 30) })
    plot = new uPlot(
      {
        ...size(),
        scales: { x: { time: false } },
        series: [{ label: 'step' }, { label: 'J', stroke: '#2563eb', width: 1.5, points: { show: false } }],
        axes: [{ label: 'step' }, { label: 'J', size: 60 }],
        legend: { show: true },
      },
      props.curve(),
      host,
    )
    const observer = new ResizeObserver(() => plot?.setSize(size()))
    observer.observe(host)
    onCleanup(() => {
      observer.disconnect()
      plot?.destroy()
    })
  })

  createEffect(() => {
    const data = props.curve()
    plot?.setData([data[0].slice(), data[1].slice()])
  })

  return (
    <div
      class="loss-plot"
      ref={host}
      role="img"
      aria-label="J per training step"
      data-points={props.curve()[0].length}
      data-first-j={props.curve()[1][0] ?? ''}
      data-last-j={props.curve()[1].at(-1) ?? ''}
    />
  )
}
