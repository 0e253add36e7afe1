// Entry point of the `gradsheet` command. Returns the exit code instead of exiting,
// so tests and the launcher decide what to do with it.
import { USAGE, parseCommandLine } from './args.ts'
import { runEval, type Output } from './eval-command.ts'
import { runConvert } from './convert-command.ts'
import { runExport } from './export-command.ts'
import { runSensitivity } from './sensitivity-command.ts'

const processOutput: Output = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  // A pipe to a slow reader buffers what is written; wait for it (issue 12: peak memory of eval).
  drained: () => (process.stdout.writableNeedDrain ? new Promise((done) => process.stdout.once('drain', () => done())) : Promise.resolve()),
}

export async function main(argv: string[], out: Output = processOutput): Promise<number> {
  const command = parseCommandLine(argv)
  switch (command.kind) {
    case 'help':
      out.stdout(USAGE + '\n')
      return 0
    case 'usage-error':
      out.stderr(`gradsheet: ${command.message}\nRun "gradsheet --help" for usage.\n`)
      return 2
    case 'eval':
      try {
        return await runEval(command.options, out)
      } catch (error) {
        // A bug, not bad input: still say it in words and fail cleanly.
        out.stderr(`gradsheet: internal error while evaluating ${command.options.file}: ${(error as Error)?.stack ?? error}\n`)
        return 1
      }
    case 'export':
    case 'sensitivity':
    case 'convert':
      try {
        if (command.kind === 'convert') return await runConvert(command.options, out)
        return command.kind === 'export' ? await runExport(command.options, out) : await runSensitivity(command.options, out)
      } catch (error) {
        out.stderr(`gradsheet: internal error in ${command.kind} of ${command.options.file}: ${(error as Error)?.stack ?? error}\n`)
        return 1
      }
  }
}
