/**
 * Streaming a history file from bytes to records: UTF-8 decoded strictly (a byte that is not
 * UTF-8 is refused with its line and character, never turned into U+FFFD) and tokenized
 * incrementally by {@link CsvStream} (src/scenario/csv.ts, where the scenario forecast reader
 * shares it). Chunks may be split anywhere, even inside a character. No I/O here: Node feeds it
 * from a file (src/node/historyFiles.ts), the web page from a File's stream.
 */
import { CsvStream, type CsvRowHandler } from '../scenario/csv.js';
import { firstInvalidUtf8 } from '../scenario/utf8Text.js';
import type { Problems } from './readError.js';

export { CsvStream, type CsvRowHandler };

/** What reads the records of a history file: its row handler and where it reports problems. */
export interface CsvSink {
  readonly problems: Problems;
  row(cells: readonly string[], line: number): void;
}

/** Bytes -> records of a history file; see the module comment. */
export class CsvByteStream {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  private readonly csv: CsvStream;
  /** The last bytes of the previous chunk that may begin a character the decoder still holds. */
  private tail: Uint8Array = new Uint8Array(0);
  private first = true;
  /** Lines of the text decoded so far, and characters since its last line feed. */
  private lines = 1;
  private column = 0;

  constructor(private readonly sink: CsvSink) {
    this.csv = new CsvStream((cells, line) => sink.row(cells, line));
  }

  push(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    if (this.first) {
      this.first = false;
      if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
        this.sink.problems.fail(1, undefined, undefined, 'not UTF-8 (it starts with a UTF-16 byte-order mark): save the file as UTF-8');
      }
    }
    let text: string;
    try {
      text = this.decoder.decode(bytes, { stream: true });
    } catch {
      this.refuse(bytes);
    }
    this.tail = pendingTail(this.tail, bytes);
    this.advance(text);
    this.csv.push(text);
  }

  /** The end of the file: a character cut off at the end, or a quoted cell never closed, is refused. */
  end(): void {
    try {
      const text = this.decoder.decode();
      this.csv.push(text);
    } catch {
      this.refuse(new Uint8Array(0));
    }
    this.endText();
  }

  /** For text already decoded (a string): the records, then the end. */
  pushText(text: string): void {
    this.first = false;
    this.csv.push(text);
  }

  /** Ends text fed by {@link pushText}: refuses a quoted cell never closed. */
  endText(): void {
    const open = this.csv.openQuoteLine;
    if (open > 0) this.sink.problems.fail(open, undefined, undefined, 'a quoted cell starts here and is never closed (a missing " ?)');
    this.csv.end();
  }

  /** Throws the problem at the first byte of `tail + bytes` that is not UTF-8. */
  private refuse(bytes: Uint8Array): never {
    const all = new Uint8Array(this.tail.length + bytes.length);
    all.set(this.tail);
    all.set(bytes, this.tail.length);
    const at = firstInvalidUtf8(all);
    this.advance(new TextDecoder('utf-8').decode(all.subarray(0, at)));
    const hex = at < all.length ? `byte 0x${all[at]!.toString(16).toUpperCase().padStart(2, '0')}` : 'a character cut off at the end of the file';
    return this.sink.problems.fail(this.lines, undefined, undefined, `not valid UTF-8: ${hex} at character ${this.column + 1} of the line (save the file as UTF-8)`);
  }

  private advance(text: string): void {
    const last = text.lastIndexOf('\n');
    if (last < 0) {
      this.column += text.length;
      return;
    }
    for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) this.lines++;
    this.column = text.length - last - 1;
  }
}

/**
 * The bytes at the end of `previous + bytes` that start a character not yet complete (what a
 * streaming decoder holds back), so an error in the next chunk can be placed from their start.
 */
function pendingTail(previous: Uint8Array, bytes: Uint8Array): Uint8Array {
  const all = bytes.length >= 4 || previous.length === 0 ? bytes : concat(previous, bytes);
  let k = all.length - 1;
  // Back over continuation bytes (10xxxxxx) to the lead byte of the last character.
  while (k >= 0 && all.length - k <= 4 && (all[k]! & 0xc0) === 0x80) k--;
  if (k < 0) return new Uint8Array(0);
  const lead = all[k]!;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return all.length - k < need ? all.slice(k) : new Uint8Array(0);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const all = new Uint8Array(a.length + b.length);
  all.set(a);
  all.set(b, a.length);
  return all;
}
