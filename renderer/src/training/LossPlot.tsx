// J per step, and on request the chosen parameters' trajectories (their own axis on the
// right), drawn with uPlot: a few tens of kB, canvas-based (fast for 10⁵ points, redrawn
// ~20 times a second during a run), MIT-licensed and without dependencies. A log scale
// for J shows the late, slow part of a run that a linear axis flattens.
import { createEffect, on, onCleanup, onMount } from 'solid-js'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'

const PARAM_COLOURS = ['#0d9488', '#d97706', '#7c3aed', '#db2777', '#65a30d', '#0891b2', '#b45309', '#4f46e5', '#be123c', '#15803d', '#a21caf', '#1d4ed8']

export interface LossPlotProps {
  /** Columns: steps, J, then one per tracked parameter element. */
  curve: () => number[][]
  paramLabels: () => string[]
  /** Indices into paramLabels of the trajectories to draw. */
  shown: () => number[]
  logScale: () => boolean
  /** Points received (the curve may hold fewer). */
  pointCount: () => number
}

/** The data uPlot draws: J (non-positive values left out on a log scale) and the shown columns. */
export function plotData(curve: number[][], shown: number[], log: boolean): number[][] {
  const [xs = [], js = []] = curve
  const j = log ? js.map((v) => (v > 0 ? v : NaN)) : js.slice()
  return [xs.slice(), j, ...shown.map((i) => (curve[2 + i] ?? []).slice())]
}

export function LossPlot(props: LossPlotProps) {
  let host!: HTMLDivElement
  let plot: uPlot | undefined
  const size = () => ({ width: Math.max(200, host.clientWidth), height: Math.max(110, host.clientHeight - 34) })

  function build(): void {
    plot?.destroy()
    const shown = props.shown()
    const labels = props.paramLabels()
    plot = new uPlot(
      {
        ...size(),
        // A scale without a series has no range (uPlot would spin on it): θ only when shown.
        scales: { x: { time: false }, J: { distr: props.logScale() ? 3 : 1 }, ...(shown.length ? { θ: {} } : {}) },
        series: [
          { label: 'step' },
          { label: 'J', scale: 'J', stroke: '#2563eb', width: 1.5, points: { show: false }, spanGaps: true },
          ...shown.map((i) => ({ label: labels[i], scale: 'θ', stroke: PARAM_COLOURS[i % PARAM_COLOURS.length], width: 1.2, points: { show: false } })),
        ],
        axes: [{ label: 'step' }, { label: props.logScale() ? 'J (log)' : 'J', scale: 'J', size: 60 }, ...(shown.length ? [{ label: 'θ', scale: 'θ', side: 1 as const, size: 55, grid: { show: false } }] : [])],
        legend: { show: true },
      },
      plotData(props.curve(), shown, props.logScale()) as uPlot.AlignedData,
      host,
    )
  }

  onMount(() => {
    build()
    const observer = new ResizeObserver(() => plot?.setSize(size()))
    observer.observe(host)
    onCleanup(() => {
      observer.disconnect()
      plot?.destroy()
    })
  })
  // A new choice of series or scale rebuilds the chart; new points only set its data.
  createEffect(on([props.shown, props.logScale, props.paramLabels], () => build(), { defer: true }))
  createEffect(() => plot?.setData(plotData(props.curve(), props.shown(), props.logScale()) as uPlot.AlignedData))

  return (
    <div
      class="loss-plot"
      ref={host}
      role="img"
      aria-label="J per training step"
      data-points={props.pointCount()}
      data-plotted={props.curve()[0]?.length ?? 0}
      data-first-j={props.curve()[1]?.[0] ?? ''}
      data-last-j={props.curve()[1]?.at(-1) ?? ''}
      data-log={props.logScale() ? 'true' : 'false'}
      data-series={['J', ...props.shown().map((i) => props.paramLabels()[i])].join(',')}
    />
  )
}
