/**
 * Reading speed and memory of the history readers (issue 14): `npm run bench -- --history`.
 * Writes, into a temp dir, a year of 15-minute intervals for 30 contact types (1,051,200 rows,
 * every column) and a contact log of 5 M rows (every column), both generated deterministically,
 * then reads each with the Node file readers (src/node/historyFiles.ts) and reports rows/s and
 * memory: rss and heapUsed sampled every 50 ms during the read, and for the contact log the heap
 * after a full GC at every millionth row (retained memory; flat when nothing is kept per row).
 * A benchmark, not a test: it prints numbers, it asserts nothing.
 */
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dateText, dayNumber } from '../src/history/calendar.js';
import { readContactLogFile, readIntervalHistoryFile } from '../src/node/historyFiles.js';

const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc;

/** A deterministic stream of numbers in [0, 1) (a 32-bit xorshift; the data need not be good random). */
function uniforms(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 2 ** 32;
  };
}

/** Writes text in blocks of about 1 MB. */
class BlockWriter {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size > MB) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}

const two = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

export function writeIntervalHistory(path: string, days: number, types: number): number {
  const out = new BlockWriter(path);
  const u = uniforms(14);
  out.write('date,interval_start,type,offered,answered,abandoned,aht,asa,service_level\n');
  const first = dayNumber('2024-01-01')!;
  let rows = 0;
  for (let d = 0; d < days; d++) {
    const date = dateText(first + d);
    for (let s = 0; s < 96; s++) {
      const clock = `${two[Math.floor(s / 4)]}:${two[(s % 4) * 15]}`;
      const shape = Math.sin((Math.PI * s) / 96) ** 2;
      for (let t = 0; t < types; t++) {
        const offered = Math.round(shape * (20 + t) * (0.8 + 0.4 * u()));
        const abandoned = Math.floor(offered * 0.05 * u());
        const aht = 120 + Math.floor(240 * u());
        out.write(`${date},${clock},type${t},${offered},${offered - abandoned},${abandoned},${Math.floor(aht / 60)}:${two[aht % 60]},${(30 * u()).toFixed(1)},${(60 + 40 * u()).toFixed(1)}%\n`);
        rows++;
      }
    }
  }
  out.close();
  return rows;
}

export function writeContactLog(path: string, rows: number): void {
  const out = new BlockWriter(path);
  const u = uniforms(41);
  out.write('type,arrival,answered,ended,outcome,acw,group\n');
  const first = dayNumber('2024-01-01')!;
  const perDay = 80_000;
  const stamp = (day: string, seconds: number) => {
    const s = Math.floor(seconds);
    return `${day}T${two[Math.floor(s / 3600)]}:${two[Math.floor(s / 60) % 60]}:${two[s % 60]}`;
  };
  for (let i = 0; i < rows; i++) {
    const day = dateText(first + Math.floor(i / perDay));
    // Arrivals spread over 07:00-20:00 in order within the day; nothing crosses midnight.
    const arrival = 7 * 3600 + ((i % perDay) / perDay) * 13 * 3600;
    const wait = Math.floor(120 * u());
    const abandoned = u() < 0.08;
    const type = `type${i % 30}`;
    if (abandoned) {
      out.write(`${type},${stamp(day, arrival)},,${stamp(day, arrival + wait)},abandoned,,\n`);
    } else {
      const handle = 60 + Math.floor(400 * u());
      const acw = Math.floor(handle * 0.2);
      out.write(`${type},${stamp(day, arrival)},${stamp(day, arrival + wait)}.250,${stamp(day, arrival + wait + handle)},answered,${acw},group${i % 5}\n`);
    }
  }
  out.close();
}

interface Sampler {
  stop(): { peakRssMB: number; peakHeapMB: number };
}

function sampleMemory(): Sampler {
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 50);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return { peakRssMB: peakRss / MB, peakHeapMB: peakHeap / MB };
    },
  };
}

export async function benchReadHistory(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ccsim-bench-history-'));
  const lines: string[] = [];
  try {
    const intervalPath = join(dir, 'history.csv');
    const logPath = join(dir, 'contacts.csv');
    let t = performance.now();
    const intervalRows = writeIntervalHistory(intervalPath, 365, 30);
    const logRows = 5_000_000;
    writeContactLog(logPath, logRows);
    lines.push(`generated in ${((performance.now() - t) / 1000).toFixed(1)} s: interval history ${intervalRows.toLocaleString('en')} rows ` +
      `(${(statSync(intervalPath).size / MB).toFixed(0)} MB), contact log ${logRows.toLocaleString('en')} rows (${(statSync(logPath).size / MB).toFixed(0)} MB)`);

    gc?.();
    const before = process.memoryUsage();
    let sampler = sampleMemory();
    t = performance.now();
    const history = await readIntervalHistoryFile(intervalPath);
    let seconds = (performance.now() - t) / 1000;
    let peak = sampler.stop();
    gc?.();
    const tableMB = (history.offered.byteLength * 6 + history.open.byteLength) / MB;
    lines.push(
      `interval history: ${seconds.toFixed(2)} s, ${Math.round(intervalRows / seconds).toLocaleString('en')} rows/s; ` +
        `${history.days} days x ${history.types.length} types x ${history.slots} slots (${tableMB.toFixed(0)} MB of tables)`,
      `  memory: heapUsed ${(before.heapUsed / MB).toFixed(0)} MB before, peak ${peak.peakHeapMB.toFixed(0)} MB, ` +
        `${(process.memoryUsage().heapUsed / MB).toFixed(0)} MB after (GC, table kept); arrayBuffers ${(process.memoryUsage().arrayBuffers / MB).toFixed(0)} MB; ` +
        `peak rss ${peak.peakRssMB.toFixed(0)} MB (${(before.rss / MB).toFixed(0)} MB before)`,
    );

    gc?.();
    const logBefore = process.memoryUsage();
    const retained: number[] = [];
    let answered = 0;
    let waits = 0;
    sampler = sampleMemory();
    t = performance.now();
    const { rows } = await readContactLogFile(logPath, {}, (row) => {
      if (row.outcome === 'answered') {
        answered++;
        waits += row.answered - row.arrival;
      }
      if (gc !== undefined && row.line % 1_000_000 === 0) {
        gc();
        retained.push(process.memoryUsage().heapUsed / MB);
      }
    });
    seconds = (performance.now() - t) / 1000;
    peak = sampler.stop();
    lines.push(
      `contact log: ${seconds.toFixed(2)} s, ${Math.round(rows / seconds).toLocaleString('en')} rows/s ` +
        `(${rows.toLocaleString('en')} rows, ${answered.toLocaleString('en')} answered, mean wait ${(waits / answered).toFixed(1)} s)`,
      `  memory: heapUsed ${(logBefore.heapUsed / MB).toFixed(0)} MB before, peak ${peak.peakHeapMB.toFixed(0)} MB; ` +
        `peak rss ${peak.peakRssMB.toFixed(0)} MB (${(logBefore.rss / MB).toFixed(0)} MB before)`,
      gc === undefined
        ? '  (run with --expose-gc for the retained heap at each millionth row)'
        : `  heapUsed after GC at rows 1M..${retained.length}M: ${retained.map((x) => x.toFixed(1)).join(', ')} MB`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}
