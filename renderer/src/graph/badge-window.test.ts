import { describe, expect, it } from 'vitest'
import { createEngine } from '../../../engine/index'
import type { ViewportHint } from '../worker/protocol'
import { BADGE_MARGIN, badgeBlock, covers, createBadgeFollower } from './badge-window'
import { answerExplain, blockOf } from './worker-explain'

const at = (rows: [number, number], cols: [number, number], sheet = 'Sheet1'): ViewportHint => ({ sheet, rows, cols })

/** A follower whose asks are recorded and answered by hand. */
function follower() {
  const asks: { block: ViewportHint; answer: (keys: string[] | null) => void }[] = []
  const shown: string[][] = []
  const follow = createBadgeFollower(
    (block) => new Promise((resolve) => asks.push({ block, answer: resolve })),
    (keys) => void shown.push([...keys]),
  )
  return { follow, asks, shown }
}

describe('convention badges follow the window, not the workbook', () => {
  it('asks for the window plus a margin, clipped at the sheet edge', () => {
    expect(badgeBlock(at([100, 130], [20, 30]))).toEqual(at([100 - BADGE_MARGIN.rows, 130 + BADGE_MARGIN.rows], [20 - BADGE_MARGIN.cols, 30 + BADGE_MARGIN.cols]))
    expect(badgeBlock(at([0, 30], [0, 10]))).toEqual(at([0, 30 + BADGE_MARGIN.rows], [0, 10 + BADGE_MARGIN.cols]))
    expect(covers(at([0, 70], [0, 20]), at([10, 40], [0, 12]))).toBe(true)
    expect(covers(at([0, 70], [0, 20]), at([50, 80], [0, 12]))).toBe(false)
    expect(covers(at([0, 70], [0, 20]), at([10, 40], [0, 12], 'Sheet2'))).toBe(false)
  })

  it('asks after every change list and when the window leaves the block, never for the whole workbook', async () => {
    const { follow, asks } = follower()
    void follow(1, at([0, 30], [0, 10]))
    expect(asks.map((a) => a.block)).toEqual([badgeBlock(at([0, 30], [0, 10]))])
    void follow(1, at([5, 35], [0, 10])) // a short scroll stays inside the block: no ask
    expect(asks).toHaveLength(1)
    void follow(2, at([5, 35], [0, 10])) // a change list: ask again
    void follow(2, at([200, 230], [0, 10])) // the window left the block
    void follow(2, at([200, 230], [0, 10], 'Sheet2')) // another sheet
    expect(asks.map((a) => a.block)).toEqual([at([0, 70], [0, 20]), at([0, 75], [0, 20]), at([160, 270], [0, 20]), at([160, 270], [0, 20], 'Sheet2')])
    for (const a of asks) expect(a.block).toBeDefined()
  })

  it('shows only the answer to the latest ask', async () => {
    const { follow, asks, shown } = follower()
    const first = follow(1, at([0, 30], [0, 10]))
    const second = follow(2, at([0, 30], [0, 10]))
    asks[1].answer(['Sheet1!B2'])
    await second
    asks[0].answer(['Sheet1!A1']) // older: dropped
    await first
    expect(shown).toEqual([['Sheet1!B2']])
    const third = follow(3, at([0, 30], [0, 10]))
    asks[2].answer(null) // the worker could not answer: the badges shown stay
    await third
    expect(shown).toEqual([['Sheet1!B2']])
  })

  it('the worker answers for the block only (the grid counts from 0, addresses from 1)', () => {
    expect(blockOf(at([0, 9], [1, 2]))).toEqual({ sheet: 'Sheet1', rows: [1, 10], cols: [2, 3] })
    const cells: Record<string, { input: string }> = { A1: { input: '0' } }
    for (let r = 1; r <= 300; r++) cells[`B${r}`] = { input: '=abs(A1)' }
    const engine = createEngine({ format: 'gradsheet', version: 1, objective: null, sheets: [{ name: 'Sheet1', cells }] } as never)
    const res = answerExplain(engine, { id: 1, type: 'conventions', window: at([99, 101], [0, 5]) })
    expect(res).toEqual({ id: 1, type: 'conventions', cells: ['Sheet1!B100', 'Sheet1!B101', 'Sheet1!B102'] })
    const all = answerExplain(engine, { id: 2, type: 'conventions' })
    expect(all.type === 'conventions' && all.cells.length).toBe(300)
  })
})
