// What the figures were measured on.
import { cpus, totalmem } from 'node:os'

export function machineInfo(): string[] {
  const cpu = cpus()
  return [
    `CPU: ${cpu[0]?.model ?? 'unknown'} × ${cpu.length} logical cores`,
    `Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `Node ${process.version} (${process.platform} ${process.arch})`,
    `Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
  ]
}
