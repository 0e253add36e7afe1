// The grid's scroll arithmetic: wheel steps over a mapped scroll space, and the least
// scroll that brings a cell into view.
import { describe, expect, it } from 'vitest'
import { createScrollMap } from '../model/scroll-map'
import { scrollToShow, wheelScroll } from './scroll-steps'

const notch = (deltaY: number, more: Partial<{ deltaMode: number; deltaX: number; shiftKey: boolean }> = {}) => ({ deltaMode: 0, deltaX: 0, deltaY, shiftKey: false, ...more })

describe('wheelScroll', () => {
  it('leaves an unmapped scroll space to the browser', () => {
    expect(wheelScroll(notch(100), 40, 600, 1, 1)).toBeNull()
  })
  it('divides pixel steps by the scale, so a notch moves the usual number of rows', () => {
    expect(wheelScroll(notch(120), 40, 600, 3, 1)).toEqual({ top: 40, left: 0 })
  })
  it('counts lines as rows and pages as the body', () => {
    expect(wheelScroll(notch(3, { deltaMode: 1 }), 40, 600, 2, 2)).toEqual({ top: 60, left: 0 })
    expect(wheelScroll(notch(1, { deltaMode: 2 }), 40, 600, 2, 2)).toEqual({ top: 300, left: 0 })
  })
  it('turns a vertical wheel horizontal with Shift, but keeps a real horizontal one', () => {
    expect(wheelScroll(notch(100, { shiftKey: true }), 40, 600, 2, 4)).toEqual({ top: 0, left: 25 })
    expect(wheelScroll(notch(100, { shiftKey: true, deltaX: 8 }), 40, 600, 2, 4)).toEqual({ top: 50, left: 2 })
  })
})

describe('scrollToShow', () => {
  const identity = createScrollMap(10_000, 500)
  it('does nothing when the span is in view', () => {
    expect(scrollToShow(100, 40, 80, 500, identity)).toBeNull()
    expect(scrollToShow(540, 40, 80, 500, identity)).toBeNull()
  })
  it('scrolls back to the span’s start when it is above the view', () => {
    expect(scrollToShow(40, 40, 80, 500, identity)).toBe(40)
  })
  it('scrolls just far enough that the span’s end is the view’s end when it is below', () => {
    expect(scrollToShow(600, 40, 80, 500, identity)).toBe(140)
  })
  it('maps the target into physical px, rounding so the whole span shows', () => {
    const mapped = createScrollMap(40_000_000, 500)
    const physical = scrollToShow(30_000_000, 40, 0, 500, mapped)!
    expect(Number.isInteger(physical)).toBe(true)
    expect(mapped.toVirtual(physical) + 500).toBeGreaterThanOrEqual(30_000_040)
    expect(scrollToShow(100, 40, 20_000_000, 500, mapped)).toBe(Math.floor(mapped.toPhysical(100)))
  })
})
