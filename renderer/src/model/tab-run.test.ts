import { describe, expect, it } from 'vitest'
import { formatAddress, parseAddress } from './address'
import { tabMove, type TabRun } from './tab-run'

function keys(start: string, dirs: ('right' | 'left' | 'down' | 'up')[], interrupt?: number): string {
  let pos = parseAddress(start)!
  let run: TabRun | null = null
  dirs.forEach((d, i) => {
    if (i === interrupt) pos = { ...pos, row: pos.row + 3 } // a click elsewhere
    const next = tabMove(run, pos, d)
    pos = next.to
    run = next.run
  })
  return formatAddress(pos)
}

describe('Tab, Tab, Enter', () => {
  it('returns to the column where the Tab run started', () => {
    expect(keys('A5', ['right', 'right', 'down'])).toBe('A6')
    expect(keys('B5', ['right', 'right', 'down', 'right', 'down'])).toBe('B7')
  })
  it('Enter without a run moves straight down; Shift+Enter ends a run', () => {
    expect(keys('C5', ['down'])).toBe('C6')
    expect(keys('A5', ['right', 'up', 'down'])).toBe('B5')
  })
  it('a move elsewhere ends the run', () => {
    expect(keys('A5', ['right', 'right', 'down'], 2)).toBe('C9')
  })
  it('Shift+Tab keeps the run going from its start', () => {
    expect(keys('B5', ['right', 'right', 'left', 'down'])).toBe('B6')
  })
})
