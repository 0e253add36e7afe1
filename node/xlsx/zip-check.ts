// Checks an .xlsx file's zip container before any library unpacks it: a zip at all,
// complete (the end-of-directory record and every entry present), no zip bomb (entry
// count, declared sizes, and each entry actually inflated with a hard output cap of its
// declared size, so a lying header cannot blow up memory), no macros (vbaProject.bin)
// and no external links (xl/externalLinks/). Returns the reason in words, or null.
import { inflateRawSync } from 'node:zlib'

export const ZIP_LIMITS = {
  maxEntries: 10_000,
  maxEntryBytes: 100 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  /** Uncompressed ÷ compressed above this, for entries over 1 MB, is a bomb. */
  maxRatio: 200,
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

export function zipProblem(bytes: Uint8Array, limits = ZIP_LIMITS): string | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL) return 'it is not an Excel .xlsx workbook (an .xlsx file is a zip archive, and this one is not)'
  let end = -1
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--)
    if (buf.readUInt32LE(i) === EOCD) {
      end = i
      break
    }
  if (end < 0) return 'the file is truncated or damaged (the zip archive has no end record)'
  const count = buf.readUInt16LE(end + 10)
  const dirSize = buf.readUInt32LE(end + 12)
  const dirOffset = buf.readUInt32LE(end + 16)
  if (count === 0xffff || dirOffset === 0xffffffff) return 'the archive uses ZIP64 (over 65,535 entries or 4 GB), far beyond a spreadsheet'
  if (count > limits.maxEntries) return `the archive has ${count} entries (the limit is ${limits.maxEntries}): refused as a possible zip bomb`
  if (dirOffset + dirSize > end) return 'the file is truncated or damaged (the zip directory runs past the end)'
  let total = 0
  let p = dirOffset
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) return 'the file is truncated or damaged (a zip directory entry is missing)'
    const method = buf.readUInt16LE(p + 10)
    const compressed = buf.readUInt32LE(p + 20)
    const size = buf.readUInt32LE(p + 24)
    const nameLength = buf.readUInt16LE(p + 28)
    const next = p + 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32)
    const local = buf.readUInt32LE(p + 42)
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength)
    p = next
    if (/(^|\/)vbaProject\.bin$/i.test(name)) return 'it contains macros (a VBA project); Gradsheet opens no macro workbooks'
    if (/^xl\/externalLinks\//i.test(name)) return 'it links to other workbooks (external links); Gradsheet opens only self-contained workbooks'
    if (size > limits.maxEntryBytes) return `the part ${name} unpacks to ${size} bytes (the limit is ${limits.maxEntryBytes}): refused as a possible zip bomb`
    total += size
    if (total > limits.maxTotalBytes) return `the archive unpacks to over ${limits.maxTotalBytes} bytes: refused as a possible zip bomb`
    if (size > 1024 * 1024 && size > compressed * limits.maxRatio) return `the part ${name} is compressed ${Math.round(size / Math.max(1, compressed))}:1: refused as a possible zip bomb`
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) return 'the file is truncated or damaged (a zip entry is missing)'
    const dataStart = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28)
    if (dataStart + compressed > buf.length) return 'the file is truncated or damaged (a zip entry is cut short)'
    if (method === 8) {
      try {
        const out = inflateRawSync(buf.subarray(dataStart, dataStart + compressed), { maxOutputLength: Math.max(1, size) })
        if (out.length !== size) return `the part ${name} does not unpack to its declared size: the file is damaged`
      } catch (e) {
        if (e instanceof RangeError) return `the part ${name} unpacks to more than its declared ${size} bytes: refused as a zip bomb`
        return `the part ${name} cannot be unpacked: the file is damaged`
      }
    } else if (method !== 0) return `the part ${name} uses an unknown compression method (${method})`
  }
  return null
}
