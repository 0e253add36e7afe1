// Hot-exit backups per document: each open document (a desktop window's workbook, a
// browser tab's workbook) has its own id and its own backup folder,
// <data>/backups/<document id>/, so two windows or tabs never share a backup, and a
// backup restores to exactly the document it came from (its id and the path it was last
// saved to travel with it). On start, backups not claimed by a live document are
// unsaved work from a crash.
import { randomUUID } from 'node:crypto'
import { promises as fsp } from 'node:fs'
import { join, resolve } from 'node:path'
import { discardBackup, readBackup, writeBackup, type Backup } from './backups.ts'

/** A document id as the renderer makes it (crypto.randomUUID) or the host does. */
export const DOCUMENT_ID_PATTERN = /^[A-Za-z0-9-]{1,64}$/

export function isDocumentId(value: unknown): value is string {
  return typeof value === 'string' && DOCUMENT_ID_PATTERN.test(value)
}

export function backupsRoot(dataFolder: string): string {
  return join(dataFolder, 'backups')
}

export function newDocumentId(): string {
  return randomUUID()
}

export function documentFolder(dataFolder: string, documentId: string): string {
  if (!isDocumentId(documentId)) throw new Error('That is not a document id.')
  return join(backupsRoot(dataFolder), documentId)
}

export interface DocumentBackup {
  documentId: string
  backup: Backup
}

/** Every backup in the data folder, oldest first; damaged ones are reported, not thrown. */
export async function findDocumentBackups(dataFolder: string): Promise<{ found: DocumentBackup[]; problems: string[] }> {
  let ids: string[]
  try {
    ids = await fsp.readdir(backupsRoot(dataFolder))
  } catch {
    return { found: [], problems: [] }
  }
  const found: DocumentBackup[] = []
  const problems: string[] = []
  for (const documentId of ids.sort()) {
    if (!isDocumentId(documentId)) continue
    const read = await readBackup(documentFolder(dataFolder, documentId))
    if (!read.ok) problems.push(read.error)
    else if (read.backup) found.push({ documentId, backup: read.backup })
  }
  found.sort((a, b) => a.backup.savedAt.localeCompare(b.backup.savedAt))
  return { found, problems }
}

/** The backup of one document, or null. */
export async function readDocumentBackup(dataFolder: string, documentId: string): Promise<Backup | null> {
  const read = await readBackup(documentFolder(dataFolder, documentId))
  return read.ok ? read.backup : null
}

export async function writeDocumentBackup(
  dataFolder: string,
  documentId: string,
  text: string,
  about: { path: string | null; name: string },
): Promise<void> {
  await writeBackup(documentFolder(dataFolder, documentId), text, about)
}

/** Deletes one document's backup and its folder (saved, closed on purpose, or discarded). */
export async function removeDocumentBackup(dataFolder: string, documentId: string): Promise<void> {
  await discardBackup(documentFolder(dataFolder, documentId), { folderToo: true })
}

/** Backups whose document was last saved to `file` (a FILE named on the command line). */
export function backupsOfFile(backups: DocumentBackup[], file: string): DocumentBackup[] {
  const wanted = resolve(file)
  return backups.filter((b) => b.backup.path !== null && resolve(b.backup.path) === wanted)
}
