// Lays out the graph off the UI thread: elk's layered algorithm, or the plain layered
// layout if elk fails. One reply (JSON) per request id.
import { elkLayout } from './elk-layout'
import { layeredLayout } from './layered-layout'
import type { LayoutInput } from './layout-types'

self.onmessage = async (event: MessageEvent<{ id: number; input: LayoutInput }>) => {
  const { id, input } = event.data
  let result
  try {
    result = await elkLayout(input)
  } catch {
    result = layeredLayout(input)
  }
  ;(self as unknown as Worker).postMessage({ id, result })
}
