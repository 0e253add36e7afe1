// Export of the drawn graph: the SVG element serialised whole (pan/zoom undone, white
// background), and a PNG drawn from that SVG onto a canvas. Writing goes through the
// bridge's exportFile (a native save dialog, or the web build's path prompt).
import type { GradsheetBridge, SaveOutcome } from '../../../bridge/api'

const SVG_NS = 'http://www.w3.org/2000/svg'

/** The graph as a standalone SVG document (width × height of the whole layout). */
export function svgDocument(svg: SVGSVGElement, width: number, height: number): string {
  const clone = svg.cloneNode(true) as SVGSVGElement
  clone.querySelector('[data-viewport]')?.removeAttribute('transform')
  clone.setAttribute('xmlns', SVG_NS)
  clone.setAttribute('width', String(Math.ceil(width)))
  clone.setAttribute('height', String(Math.ceil(height)))
  clone.setAttribute('viewBox', `0 0 ${Math.ceil(width)} ${Math.ceil(height)}`)
  clone.removeAttribute('class')
  const background = document.createElementNS(SVG_NS, 'rect')
  background.setAttribute('width', '100%')
  background.setAttribute('height', '100%')
  background.setAttribute('fill', '#ffffff')
  clone.insertBefore(background, clone.firstChild)
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}\n`
}

/** The SVG rendered to PNG at `scale`× (base64, without the data: prefix). */
export async function pngBase64(svgText: string, width: number, height: number, scale = 2): Promise<string> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }))
  try {
    const image = new Image()
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve()
      image.onerror = () => reject(new Error('the graph could not be drawn as an image'))
      image.src = url
    })
    const canvas = document.createElement('canvas')
    // Browsers cap canvas size; very large graphs are scaled down to fit.
    const s = Math.min(scale, 16000 / Math.max(1, width), 16000 / Math.max(1, height))
    canvas.width = Math.max(1, Math.ceil(width * s))
    canvas.height = Math.max(1, Math.ceil(height * s))
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('this window cannot draw on a canvas')
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(0, 0, canvas.width, canvas.height)
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height)
    return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '')
  } finally {
    URL.revokeObjectURL(url)
  }
}

/** Writes the export through the bridge; a host without exportFile gets a browser download. */
export async function saveExport(bridge: GradsheetBridge, name: string, data: string, encoding: 'utf8' | 'base64'): Promise<SaveOutcome | null> {
  if (bridge.exportFile) return bridge.exportFile(name, data, encoding)
  const bytes = encoding === 'base64' ? Uint8Array.from(atob(data), (c) => c.charCodeAt(0)) : new TextEncoder().encode(data)
  const a = document.createElement('a')
  a.href = URL.createObjectURL(new Blob([bytes], { type: encoding === 'base64' ? 'image/png' : 'image/svg+xml' }))
  a.download = name
  a.click()
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000)
  return { ok: true, path: name, name }
}
