// How many views go in one message: a change list up to this size comes whole with the
// 'applied' reply; beyond it only the window's views do, and the rest stream behind the
// reply in slices of this size (window-views.ts, engine.worker.ts).

/** Change lists longer than this are sent as the window first, then slices of the rest. */
export const PART_SIZE = 8000
