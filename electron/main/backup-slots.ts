// Hot-exit backups of the desktop app: one node/backups folder per window, under
// <userData>/backups/<window id>, so several open workbooks never overwrite each
// other's backup. On start, leftover slots are unsaved work from a crash.
import { randomUUID } from 'node:crypto'
import { promises as fsp } from 'node:fs'
import { join } from 'node:path'
import { readBackup, type Backup } from '../../node/backups.ts'

export function backupsRoot(dataFolder: string): string {
  return join(dataFolder, 'backups')
}

export function newSlotId(): string {
  return randomUUID()
}

export function slotFolder(dataFolder: string, slotId: string): string {
  return join(backupsRoot(dataFolder), slotId)
}

export interface LeftoverBackup {
  slotId: string
  backup: Backup
}

/** Backups left by windows that did not close cleanly; damaged ones are reported, not thrown. */
export async function findLeftoverBackups(dataFolder: string): Promise<{ found: LeftoverBackup[]; problems: string[] }> {
  let slots: string[]
  try {
    slots = await fsp.readdir(backupsRoot(dataFolder))
  } catch {
    return { found: [], problems: [] }
  }
  const found: LeftoverBackup[] = []
  const problems: string[] = []
  for (const slotId of slots.sort()) {
    if (!/^[A-Za-z0-9-]{1,64}$/.test(slotId)) continue
    const read = await readBackup(slotFolder(dataFolder, slotId))
    if (!read.ok) problems.push(read.error)
    else if (read.backup) found.push({ slotId, backup: read.backup })
  }
  return { found, problems }
}

/** Removes a window's slot (clean close, or the person discarded the backup). */
export async function removeSlot(dataFolder: string, slotId: string): Promise<void> {
  await fsp.rm(slotFolder(dataFolder, slotId), { recursive: true, force: true })
}
