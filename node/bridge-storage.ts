// The WorkbookStorage of both hosts, on the real file system: node/file-store for
// reads (validated by the engine's restore step) and atomic writes, node/recent-files
// for the Open Recent list in the app's data folder.
import type { Reply, WorkbookStorage } from './bridge-service'
import { readWorkbookFile, writeFileAtomic } from './file-store.ts'
import { recentFiles } from './recent-files.ts'

export function createFileSystemStorage(dataFolder: string): WorkbookStorage {
  const recent = recentFiles(dataFolder)
  return {
    async read(path): Promise<Reply<string>> {
      const read = await readWorkbookFile(path)
      return read.ok ? { ok: true, value: read.text } : read
    },
    async write(path, text): Promise<Reply<void>> {
      try {
        await writeFileAtomic(path, text)
        return { ok: true, value: undefined }
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) }
      }
    },
    recent: () => recent.list(),
    remember: async (path) => {
      await recent.add(path)
    },
    clearRecent: async () => {
      await recent.clear()
    },
  }
}
