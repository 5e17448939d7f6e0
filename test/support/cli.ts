import { runCli } from '../../src/cli/main.js';
import { DEFAULT_COLUMNS } from '../../src/cli/io.js';

/** Run the CLI in-process and capture what it prints (output as to a pipe: DEFAULT_COLUMNS wide). */
export async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return cliAt(DEFAULT_COLUMNS, ...argv);
}

/** Run the CLI in-process as on a terminal `columns` characters wide. */
export async function cliAt(columns: number, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stderrIsTTY: false,
    columns,
  });
  return { code, stdout, stderr };
}
