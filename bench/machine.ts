// What the figures were measured on.
import { cpus, loadavg, totalmem } from 'node:os'

export function machineInfo(): string[] {
  const cpu = cpus()
  return [
    `CPU: ${cpu[0]?.model ?? 'unknown'} × ${cpu.length} logical cores`,
    `Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `Node ${process.version} (${process.platform} ${process.arch})`,
    `Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
    // Other processes on a 2-core machine skew every figure: say how busy it was.
    `Load average when the report was written (1/5/15 min): ${loadavg().map((x) => x.toFixed(2)).join(' / ')}`,
  ]
}
