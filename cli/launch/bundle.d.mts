// Types for bundle.mjs (plain JavaScript: the launcher loads it before tsx, or without it).
export interface BundleManifest {
  format: number
  /** The folder under the bundle directory that holds this build. */
  build: string
  entry: 'main.js'
  /** sha256 of cli/launch/bundle.mjs that built it. */
  builder: string
  /** Path relative to the root → sha256 of the bytes the build read. */
  inputs: Record<string, string>
  /** File name in the build's folder → its size in bytes. */
  outputs: Record<string, number>
}
export const ROOT: string
export const DEFAULT_BUNDLE_DIR: string
export function buildBundle(options?: { root?: string; entry?: string; outDir?: string }): Promise<BundleManifest>
export function freshBundle(options?: { root?: string; outDir?: string }): { entry: string; reason?: undefined } | { entry: null; reason: string }
