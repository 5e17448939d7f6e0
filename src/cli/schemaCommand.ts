import { scenarioJsonSchema } from '../scenario/index.js';
import { UsageError, type CliIo } from './io.js';

const usage = `Usage: ccsim schema

Prints the JSON Schema (draft 2020-12) of scenario files on stdout, e.g.
  ccsim schema > scenario.schema.json
and point an editor at it with "$schema": "./scenario.schema.json" in a scenario.
`;

/** `ccsim schema`: prints the scenario JSON Schema. Returns the exit code. */
export async function schemaCommand(argv: string[], io: CliIo): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(usage);
    return 0;
  }
  const extra = argv[0];
  if (extra !== undefined) throw new UsageError(`schema: unexpected argument "${extra}" (try ccsim schema --help)`);
  io.stdout(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  return 0;
}
