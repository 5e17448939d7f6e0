import { constants } from 'node:fs';
import { access, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/**
 * Write files all or nothing, and so that a reader never sees half a file: every text goes to a
 * temporary file beside its target first; only when all are written are they renamed into place.
 * On a failure the temporary files are removed and no target is touched (unless a rename itself
 * fails half-way, which needs the directory to change under us).
 */
export async function writeFilesAtomic(files: readonly { path: string; text: string }[]): Promise<void> {
  const temps = files.map((f) => `${f.path}.${process.pid}.tmp`);
  try {
    for (const [k, f] of files.entries()) await writeFile(temps[k]!, f.text, 'utf8');
    for (const [k, f] of files.entries()) await rename(temps[k]!, f.path);
  } catch (error) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    throw error;
  }
}

/**
 * Why `path` could not be written as a file, or null when it can (as far as can be told before
 * writing): it is a directory, or its directory is missing, not a directory or not writable.
 */
export async function unwritableReason(path: string): Promise<string | null> {
  const code = (error: unknown) => (error as NodeJS.ErrnoException).code;
  try {
    if ((await stat(path)).isDirectory()) return 'is a directory';
  } catch (error) {
    if (code(error) !== 'ENOENT') return `cannot be read (${code(error) ?? String(error)})`;
  }
  const dir = dirname(resolve(path));
  try {
    if (!(await stat(dir)).isDirectory()) return `${dir} is not a directory`;
    await access(dir, constants.W_OK);
  } catch (error) {
    const c = code(error);
    return c === 'ENOENT' ? `no such directory: ${dir}` : c === 'EACCES' || c === 'EPERM' ? `cannot write in ${dir} (permission denied)` : `cannot write in ${dir} (${c ?? String(error)})`;
  }
  return null;
}
