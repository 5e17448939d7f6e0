import { availableParallelism } from 'node:os';
import { checkRedisUrl } from '../node/redisQueue.js';
import { runQueueWorker } from '../node/queueWorker.js';
import { commandLine, integerFlag } from './flags.js';
import { UsageError, type CliIo } from './io.js';

export const WORKER_USAGE = `Usage: ccsim worker --redis redis://HOST:PORT [--concurrency W]

Take blocks of replications from the BullMQ queue in that Redis and run each on W worker threads,
until Ctrl-C (or SIGTERM), which stops after the block in hand. Start one per machine, as many
machines as you like; \`ccsim run|compare|sweep|staff|replay ... --redis URL\` then runs on all of
them with the same output as on one (docs/cluster.md). A worker that cannot reach Redis keeps
retrying with a growing delay and says so on stderr.

Options:
  --redis URL        the Redis that carries the queue (required)
  --concurrency W    worker threads for the blocks (default: available cores)
  -h, --help         show this help
`;

const WORKER_FLAGS = {
  redis: { type: 'string' },
  concurrency: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function workerCommand(argv: string[], io: CliIo): Promise<number> {
  const line = commandLine(argv, io, WORKER_USAGE, WORKER_FLAGS);
  if (line === undefined) return 0;
  const { values, positionals } = line;
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])} (see ccsim worker --help)`);
  if (values.redis === undefined) throw new UsageError('--redis: required (e.g. --redis redis://127.0.0.1:6379)');
  try {
    checkRedisUrl(values.redis);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const threads = integerFlag('--concurrency', values.concurrency, availableParallelism(), 1);
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    await runQueueWorker(values.redis, { threads, signal: controller.signal, log: (text) => io.stderr(`ccsim worker: ${text}\n`) });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  return 0;
}
