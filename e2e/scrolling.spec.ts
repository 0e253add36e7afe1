// The grid recycles its row elements (renderer/src/grid/GridBody.tsx: row n draws in slot
// n mod the slot count): after scrolling by screens, by single notches and back, every drawn
// row must show its own row number, its own cells' addresses and their current values —
// never a row that left the screen.
import { expect, test } from './support/fixtures'
import { writeText } from './support/files'

const ROWS = 3000

function workbook(): string {
  const cells: Record<string, { input: string }> = { A1: { input: '1' }, B1: { input: '=A1*2' } }
  for (let i = 2; i <= ROWS; i++) {
    cells[`A${i}`] = { input: `=A${i - 1}+1` }
    cells[`B${i}`] = { input: `=A${i}*2` }
  }
  return writeText('rows-3k.gradsheet', JSON.stringify({ format: 'gradsheet', version: 1, objective: `A${ROWS}`, sheets: [{ name: 'Sheet1', cells }] }))
}

/** Every drawn row: its header's number and, for columns A and B, the cell's address and value. */
async function drawnRows(page: import('@playwright/test').Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.grid-row')].map((row) => {
      const header = Number(row.querySelector<HTMLElement>('[data-row-header]')?.textContent)
      const cell = (col: string) => {
        const el = [...row.querySelectorAll<HTMLElement>('[data-cell]')].find((c) => c.dataset.cell!.replace(/\d+$/, '') === col)
        return el ? { address: el.dataset.cell!, value: el.dataset.value ?? null } : null
      }
      return { header, a: cell('A'), b: cell('B') }
    }),
  )
}

async function scrollBy(page: import('@playwright/test').Page, by: number | 'screen', times: number): Promise<void> {
  await page.evaluate(
    async ([step, n]) => {
      const scroller = [...document.querySelectorAll<HTMLElement>('*')]
        .filter((el) => el.scrollHeight > el.clientHeight + 1000)
        .sort((x, y) => y.scrollHeight - x.scrollHeight)[0]
      for (let i = 0; i < n; i++) {
        scroller.scrollTop += step === 'screen' ? scroller.clientHeight : step
        await new Promise((r) => requestAnimationFrame(r))
      }
    },
    [by, times] as const,
  )
}

async function expectRowsConsistent(page: import('@playwright/test').Page): Promise<void> {
  await expect
    .poll(async () => {
      const rows = await drawnRows(page)
      const wrong = rows.filter((r) => {
        if (r.a?.address !== `A${r.header}` || r.b?.address !== `B${r.header}`) return true
        // Inside the chain: A n holds n, B n holds 2n (the views may arrive a frame later: polled).
        return r.header <= ROWS && (r.a.value !== String(r.header) || r.b.value !== String(2 * r.header))
      })
      return rows.length > 10 && wrong.length === 0 ? 'consistent' : JSON.stringify(wrong.slice(0, 3))
    })
    .toBe('consistent')
}

test('rows recycled while scrolling always show their own addresses and values', async ({ launch }) => {
  const sheet = await launch(workbook())
  await sheet.expectValue('A2', 2)
  await expectRowsConsistent(sheet.page)
  await scrollBy(sheet.page, 'screen', 7)
  await expectRowsConsistent(sheet.page)
  await scrollBy(sheet.page, 120, 25)
  await expectRowsConsistent(sheet.page)
  await scrollBy(sheet.page, -333, 9)
  await expectRowsConsistent(sheet.page)
  // An edit, then a scroll: the recycled rows show the new values.
  await sheet.goTo('A1')
  await sheet.type('A1', '11')
  await sheet.expectValue('A2', 12)
  await scrollBy(sheet.page, 'screen', 3)
  await expect
    .poll(async () => {
      const rows = await drawnRows(sheet.page)
      return rows.filter((r) => r.header <= ROWS).every((r) => r.a?.address === `A${r.header}` && r.a.value === String(r.header + 10))
    })
    .toBe(true)
})
