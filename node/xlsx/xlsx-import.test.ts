// Opening .xlsx files (issue 11): a corpus built here through ExcelJS covering every
// translated construct, and three models written by hand (a loan amortisation, unit
// economics, a least-squares fit). Each file carries the values Excel would cache,
// computed in this test independently of the engine; Gradsheet's values must equal
// them and its gradients must equal central finite differences. Untranslatable
// formulas are reported and kept.
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { createEngine, type Engine } from '../../engine/index'
import { sensitivityReport } from '../../engine/export/sensitivity'
import { importXlsxBytes } from './read-xlsx'

type Cached = number | string | boolean
type SheetSpec = Record<string, number | string | boolean | { f: string; v: Cached }>

async function xlsx(sheets: Record<string, SheetSpec>, names: [string, string][] = []): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook()
  for (const [name, cells] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name)
    for (const [address, c] of Object.entries(cells)) ws.getCell(address).value = typeof c === 'object' ? { formula: c.f, result: c.v } as ExcelJS.CellFormulaValue : c
  }
  for (const [ref, name] of names) wb.definedNames.add(ref, name)
  return new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer)
}

async function open(bytes: Uint8Array) {
  const r = await importXlsxBytes(bytes)
  if (!r.ok) throw new Error(r.error)
  return { ...r, engine: createEngine(r.doc) }
}

const valueAt = (e: Engine, ref: string) => {
  const at = e.resolveRef(ref)!
  return e.cell(at.sheet, at.address)
}

/** Central differences of J for every input J depends on, against the engine's gradient. */
function expectGradientsMatchFiniteDifferences(engine: Engine): number {
  const inputs = sensitivityReport(engine).inputs
  for (const input of inputs) {
    const x = input.value
    const h = 1e-6 * Math.max(1, Math.abs(x))
    const jAt = (v: number) => {
      engine.apply([{ type: 'setInput', sheet: input.sheet, address: input.address, input: String(v) }])
      return engine.objective().value!
    }
    const fd = (jAt(x + h) - jAt(x - h)) / (2 * h)
    jAt(x)
    expect(Math.abs(input.grad - fd), `${input.cell}: ${input.grad} vs ${fd}`).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(fd), Math.abs(input.grad)))
  }
  return inputs.length
}

describe('a corpus of every translated construct', () => {
  const a1 = 2, a2 = -3, b1 = 0.5, b2 = 4, d1 = 7, rate = 0.25
  const corpus: SheetSpec = {
    A1: a1, A2: a2, B1: b1, B2: b2, C1: 1, C2: 2, E1: rate, F1: 'a label', F2: true,
    G1: { f: 'SUM(A1:B2)', v: a1 + a2 + b1 + b2 },
    G2: { f: '$A$1*A$2+$B1', v: a1 * a2 + b1 },
    G3: { f: 'Sheet2!A1+\'My data\'!A1', v: 10 + d1 },
    G4: { f: 'A1^3-2^3^2+-A1^2', v: a1 ** 3 - 64 + a1 ** 2 },
    G5: { f: 'IF(TRUE,A1,A2)+IF(FALSE,1,0)+IF(A1<>A2,1,0)+IF(A1=2,10,0)', v: a1 + 0 + 1 + 10 },
    G6: { f: 'rate*A1', v: rate * a1 },
    G7: { f: 'SUM(block)', v: a1 + a2 + b1 + b2 },
    G8: { f: 'AVERAGE(A1:B2)+MIN(A1:B2)+MAX(A1:B2)', v: (a1 + a2 + b1 + b2) / 4 + a2 + b2 },
    G9: { f: 'IF(AND(A1>0,OR(A2>0,NOT(B1>1))),1,0)', v: 1 },
    G10: { f: 'ABS(A2)+SQRT(B2)+EXP(B1)+LN(B2)+LOG(100)+LOG(8,2)+LOG10(1000)', v: 3 + 2 + Math.exp(b1) + Math.log(b2) + 2 + 3 + 3 },
    G11: { f: 'POWER(A1,3)+ROUND(2.5)+ROUND(-2.5)+ROUND(1.2345,2)', v: 8 + 3 - 3 + 1.23 },
    G12: { f: 'SUMPRODUCT(A1:A2,B1:B2)+SUMSQ(A1:B2)+COUNT(A1:B2,F1:F2)+PRODUCT(A1:B2)', v: a1 * b1 + a2 * b2 + (a1 ** 2 + a2 ** 2 + b1 ** 2 + b2 ** 2) + 4 + a1 * a2 * b1 * b2 },
    G13: { f: 'SUM(MMULT(A1:B2,C1:C2))+SUM(TRANSPOSE(A1:B2))', v: (a1 * 1 + b1 * 2) + (a2 * 1 + b2 * 2) + (a1 + a2 + b1 + b2) },
    G14: { f: 'TANH(B1)+SIN(A1)+COS(A1)+ATAN2(1,2)+PI()', v: Math.tanh(b1) + Math.sin(a1) + Math.cos(a1) + Math.atan2(2, 1) + Math.PI },
    G15: { f: 'INT(-2.5)+MOD(7,3)+MOD(-7,3)+50%+A1%', v: -3 + 1 + 2 + 0.5 + a1 / 100 },
    G16: { f: '_xlfn.STDEV.S(A1:B2)+MEDIAN(A1:B2)', v: stdev([a1, a2, b1, b2]) + (a1 + b1) / 2 },
    G17: { f: 'SUM(C:C)', v: 3 },
    G18: { f: '{1,2;3,4}', v: 1 },
    H1: { f: 'VLOOKUP(A1,A1:B2,2,FALSE)', v: b1 },
    H2: { f: 'A1&"x"', v: '2x' },
    J1: { f: 'G1+G2+G3+G4+G5+G6+G7+G8+G10+G11+G12+G13+G14+G16', v: 0 },
  }

  it('reads every construct; values equal the cached ones; gradients equal finite differences', async () => {
    const bytes = await xlsx({ Model: corpus, Sheet2: { A1: 10 }, 'My data': { A1: d1 } }, [['Model!$E$1', 'rate'], ['Model!$A$1:$B$2', 'block'], ['Model!$J$1', 'J']])
    const { doc, report, engine } = await open(bytes)
    const inputs = Object.fromEntries(Object.entries(doc.sheets[0].cells).map(([a, c]) => [a, c.input]))
    expect(inputs.G2).toBe('=$A$1 * A$2 + $B1')
    expect(inputs.G3).toBe("=Sheet2!A1 + 'My data'!A1")
    expect(inputs.G4).toBe('=A1^3 - (2^3)^2 + (-A1)^2')
    expect(inputs.G6).toBe('=rate * A1')
    expect(inputs.G7).toBe('=SUM(Model!$A$1:$B$2)')
    expect(inputs.G13).toBe('=SUM(multiply(A1:B2, C1:C2)) + SUM(transpose(A1:B2))')
    expect(inputs.G14).toBe('=tanh(B1) + sin(A1) + cos(A1) + atan2(2, 1) + pi')
    expect(inputs.G17).toBe('=SUM(C1:C18)')
    expect(doc.sheets[0].cells.E1.name).toBe('rate')
    expect(doc.objective).toBe('J')
    for (const [address, c] of Object.entries(corpus)) {
      if (typeof c !== 'object' || address === 'J1' || address.startsWith('H')) continue
      const v = valueAt(engine, `Model!${address}`).value
      const got = v.kind === 'number' ? v.value : v.kind === 'tensor' ? (v.value as number[][])[0][0] : v
      expect(Math.abs((got as number) - (c.v as number)), `${address}: ${JSON.stringify(v)} vs ${c.v}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(c.v as number)))
    }
    // Untranslatable: kept, visible, #NAME? naming the function, listed in the report.
    expect(doc.sheets[0].cells.H1).toMatchObject({ input: '=VLOOKUP(A1, A1:B2, 2, false)', excel: '=VLOOKUP(A1,A1:B2,2,FALSE)' })
    expect(valueAt(engine, 'Model!H1').value).toMatchObject({ kind: 'error', error: { code: '#NAME?', message: expect.stringContaining('VLOOKUP') } })
    expect(report.untranslated.map((u) => u.cell)).toEqual(['Model!H1', 'Model!H2'])
    expect(report.lines.some((l) => l.includes('VLOOKUP'))).toBe(true)
    // J1's cached 0 is wrong on purpose: the difference is listed.
    expect(report.differences.map((d) => d.cell)).toEqual(['Model!J1'])
    expect(expectGradientsMatchFiniteDifferences(engine)).toBeGreaterThan(5)
  })
})

function stdev(xs: number[]): number {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1))
}

describe('real-world-shaped models written by hand', () => {
  it('a loan amortisation: PMT, a 12-month schedule, total interest as J', async () => {
    const principal = 10000, annual = 0.06, months = 12
    const r = annual / 12
    const pmt = -(principal * r) / (1 - (1 + r) ** -months)
    const cells: SheetSpec = { A1: 'principal', B1: principal, A2: 'annual rate', B2: annual, A3: 'months', B3: months, A4: 'payment', B4: { f: 'PMT(B2/12,B3,B1)', v: pmt } }
    let balance = principal
    let totalInterest = 0
    for (let m = 1; m <= months; m++) {
      const row = 6 + m
      const interest = balance * r
      const principalPaid = -pmt - interest
      const prev = m === 1 ? 'B1' : `E${row - 1}`
      cells[`A${row}`] = m
      cells[`B${row}`] = { f: `${prev}*$B$2/12`, v: interest }
      cells[`C${row}`] = { f: `-$B$4`, v: -pmt }
      cells[`D${row}`] = { f: `C${row}-B${row}`, v: principalPaid }
      balance -= principalPaid
      cells[`E${row}`] = { f: `${prev}-D${row}`, v: balance }
      totalInterest += interest
    }
    cells.B5 = { f: `SUM(B7:B${6 + months})`, v: totalInterest }
    const { engine, report } = await open(await xlsx({ Loan: cells }, [['Loan!$B$5', 'J']]))
    expect(report.differences).toEqual([])
    expect(report.untranslated).toEqual([])
    expect(engine.objective().value).toBeCloseTo(totalInterest, 9)
    expect(Math.abs((valueAt(engine, 'Loan!E18').value as { value: number }).value)).toBeLessThan(1e-9)
    expect(expectGradientsMatchFiniteDifferences(engine)).toBe(3)
  })

  it('unit economics: price, volume, costs across two sheets, profit as J', async () => {
    const price = 49, units = 1200, cogs = 18, churn = 0.04, cac = 120, fixed = 15000
    const revenue = price * units, grossMargin = (price - cogs) / price
    const ltv = ((price - cogs) * 1) / churn
    const profit = revenue - cogs * units - fixed - cac * units * churn
    const inputs: SheetSpec = { A1: 'price', B1: price, A2: 'units', B2: units, A3: 'COGS', B3: cogs, A4: 'churn', B4: churn, A5: 'CAC', B5: cac, A6: 'fixed', B6: fixed }
    const model: SheetSpec = {
      A1: 'revenue', B1: { f: "'Unit inputs'!B1*'Unit inputs'!B2", v: revenue },
      A2: 'gross margin', B2: { f: "('Unit inputs'!B1-'Unit inputs'!B3)/'Unit inputs'!B1", v: grossMargin },
      A3: 'LTV', B3: { f: "('Unit inputs'!B1-'Unit inputs'!B3)/'Unit inputs'!B4", v: ltv },
      A4: 'LTV/CAC', B4: { f: "B3/'Unit inputs'!B5", v: ltv / cac },
      A5: 'profit', B5: { f: "B1-'Unit inputs'!B3*'Unit inputs'!B2-'Unit inputs'!B6-'Unit inputs'!B5*'Unit inputs'!B2*'Unit inputs'!B4", v: profit },
      A6: 'healthy', B6: { f: 'IF(AND(B4>3,B2>0.5),TRUE,FALSE)', v: true },
    }
    const { engine, report } = await open(await xlsx({ 'Unit inputs': inputs, Economics: model }, [['Economics!$B$5', 'J']]))
    expect(report.differences).toEqual([])
    expect(valueAt(engine, 'Economics!B6').value).toEqual({ kind: 'boolean', value: true })
    expect(expectGradientsMatchFiniteDifferences(engine)).toBe(6)
    // ∂profit/∂price = units, exactly.
    expect(valueAt(engine, "'Unit inputs'!B1").grad).toEqual({ kind: 'number', value: units })
  })

  it('a least-squares fit: residuals per row, SUMSQ as J, slope and intercept as the inputs that matter', async () => {
    const xs = [1, 2, 3, 4, 5, 6], ys = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2]
    const w = 1.5, b = 0.5
    const cells: SheetSpec = { D1: 'w', E1: w, D2: 'b', E2: b }
    let sse = 0
    xs.forEach((x, i) => {
      const row = i + 2
      cells[`A${row}`] = x
      cells[`B${row}`] = ys[i]
      const res = w * x + b - ys[i]
      cells[`C${row}`] = { f: `$E$1*A${row}+$E$2-B${row}`, v: res }
      sse += res * res
    })
    cells.E4 = { f: 'SUMSQ(C2:C7)/(2*COUNT(C2:C7))', v: sse / 12 }
    const { engine, report } = await open(await xlsx({ Fit: cells }, [['Fit!$E$1', 'w'], ['Fit!$E$2', 'b'], ['Fit!$E$4', 'J']]))
    expect(report.differences).toEqual([])
    expect(engine.objective().value).toBeCloseTo(sse / 12, 12)
    expect(expectGradientsMatchFiniteDifferences(engine)).toBe(14)
    const dw = xs.reduce((s, x, i) => s + (w * x + b - ys[i]) * x, 0) / 6
    expect((valueAt(engine, 'w').grad as { value: number }).value).toBeCloseTo(dw, 12)
  })
})
