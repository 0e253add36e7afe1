// A cheap estimate of how wide a label draws at the grid's font, without measuring the
// DOM (which would force layout for every visible label on every scroll).
const AVERAGE_CHAR_PX = 6.6 // 12px UI font, mixed case

export function estimateTextWidth(text: string, zoom: number): number {
  return text.length * AVERAGE_CHAR_PX * zoom
}
