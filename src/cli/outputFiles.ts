import { resolve } from 'node:path';
import { unwritableReason, writeFilesAtomic } from '../node/writeFilesAtomic.js';
import { UsageError } from './io.js';

/** A file a command will write, by the flag that named it (`--out`, `--csv` ...). */
export interface OutputFile {
  readonly flag: string;
  readonly path: string | undefined;
}

/** Writing an output file failed after the work was done (exit 1, one line, nothing written). */
export class OutputWriteError extends UsageError {
  override readonly exitCode: number = 1;
}

/**
 * Refuse, before any work, output files that cannot be written (a directory, a missing or
 * read-only directory) or that two flags name at once, so a long run never ends in an error
 * that throws its results away.
 * @throws UsageError naming the flag and the path
 */
export async function checkOutputFiles(files: readonly OutputFile[]): Promise<void> {
  const seen = new Map<string, string>();
  for (const { flag, path } of files) {
    if (path === undefined) continue;
    if (path === '') throw new UsageError(`${flag}: needs a file name`);
    const earlier = seen.get(resolve(path));
    if (earlier !== undefined) throw new UsageError(`${earlier} and ${flag} name the same file (${path}); give each its own`);
    seen.set(resolve(path), flag);
    const reason = await unwritableReason(path);
    if (reason !== null) throw new UsageError(`${flag} ${path}: ${reason}`);
  }
}

/**
 * Write the files that were asked for, all or none.
 * @throws OutputWriteError naming the file and the reason
 */
export async function writeOutputFiles(files: readonly (OutputFile & { text: () => string })[]): Promise<void> {
  const wanted = files.flatMap((f) => (f.path === undefined ? [] : [{ flag: f.flag, path: f.path, text: f.text() }]));
  try {
    await writeFilesAtomic(wanted);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const which = wanted.find((f) => e.path?.startsWith(f.path)) ?? wanted[0];
    throw new OutputWriteError(`could not write ${which?.flag} ${which?.path} (${e.code ?? e.message}); no output file was written`);
  }
}
