import { describe, expect, it } from 'vitest';
import { CsvByteStream, CsvStream, type CsvSink } from '../../src/history/csvStream.js';
import { HistoryReadError, Problems } from '../../src/history/readError.js';
import { parseCsv } from '../../src/scenario/csv.js';

type Row = [line: number, cells: string[]];

/** Tokenizes `chunks` one after another; the rows with copies of their cells. */
function tokenize(chunks: readonly string[]): { rows: Row[]; unclosed: number } {
  const rows: Row[] = [];
  const stream = new CsvStream((cells, line) => rows.push([line, [...cells]]));
  for (const chunk of chunks) stream.push(chunk);
  const unclosed = stream.openQuoteLine;
  stream.end();
  return { rows, unclosed };
}

/** A small file with every hard case: BOM, CRLF, a lone CR, quotes with commas, newlines and doubled quotes. */
const TRICKY =
  '\uFEFFdate,type,note\r\n' +
  '2024-01-01,"sales, inbound","say ""hi""\r\nthen bye"\r\n' +
  '2024-01-02,  "padded",plain\r' +
  '2024-01-03,"",x"y\n' +
  '\n' +
  '2024-01-04,é€😀,"a""\n""b"\r\n';

const TRICKY_ROWS: Row[] = [
  [1, ['date', 'type', 'note']],
  [2, ['2024-01-01', 'sales, inbound', 'say "hi"\r\nthen bye']],
  [4, ['2024-01-02', 'padded', 'plain']],
  [5, ['2024-01-03', '', 'x"y']],
  [6, ['']],
  [7, ['2024-01-04', 'é€😀', 'a"\n"b']],
];

describe('CsvStream: an incremental RFC 4180 tokenizer', () => {
  it('reads quoted cells, doubled quotes, CRLF, a lone CR, a BOM and blank lines, with the line each record starts on', () => {
    expect(tokenize([TRICKY]).rows).toEqual(TRICKY_ROWS);
  });

  it('gives the same records for the text cut into two chunks at every position', () => {
    for (let cut = 0; cut <= TRICKY.length; cut++) {
      expect(tokenize([TRICKY.slice(0, cut), TRICKY.slice(cut)]).rows, `cut at ${cut}`).toEqual(TRICKY_ROWS);
    }
  });

  it('gives the same records fed one character at a time (and with empty chunks between)', () => {
    expect(tokenize([...TRICKY].flatMap((ch) => [ch, ''])).rows).toEqual(TRICKY_ROWS);
  });

  it('a CR at the end of a chunk and the LF at the start of the next end one record, not two', () => {
    expect(tokenize(['a,b\r', '\nc,d\r', '\r\n']).rows).toEqual([[1, ['a', 'b']], [2, ['c', 'd']], [3, ['']]]);
  });

  it('a trailing newline makes no empty record; a last record without one is kept', () => {
    expect(tokenize(['a\nb\n']).rows).toEqual([[1, ['a']], [2, ['b']]]);
    expect(tokenize(['a\nb']).rows).toEqual([[1, ['a']], [2, ['b']]]);
    expect(tokenize(['']).rows).toEqual([]);
  });

  it('reports the line of a quoted cell never closed', () => {
    const { rows, unclosed } = tokenize(['a,b\n1,"open\n2,3\n']);
    expect(unclosed).toBe(2);
    expect(rows.at(-1)).toEqual([2, ['1', 'open\n2,3\n']]);
    expect(tokenize(['a,"closed"']).unclosed).toBe(0);
  });

  it('reuses one cells array for every record (the handler copies what it keeps)', () => {
    const seen = new Set<readonly string[]>();
    const stream = new CsvStream((cells) => seen.add(cells));
    stream.push('a,b,c\nd\ne,f\n');
    stream.end();
    expect(seen.size).toBe(1);
  });

  it('parseCsv, built on it, still gives each row its own cells', () => {
    const rows = parseCsv('interval_start,type,volume\n00:00,calls,10\n');
    expect(rows).toEqual([{ line: 1, cells: ['interval_start', 'type', 'volume'] }, { line: 2, cells: ['00:00', 'calls', '10'] }]);
    expect(rows[0]!.cells).not.toBe(rows[1]!.cells);
  });
});

/** A sink that records rows, for the byte stream. */
function sink(): CsvSink & { rows: Row[] } {
  const rows: Row[] = [];
  return { problems: new Problems('f.csv'), rows, row: (cells, line) => void rows.push([line, [...cells]]) };
}

function feedBytes(chunks: readonly Uint8Array[]): Row[] {
  const s = sink();
  const stream = new CsvByteStream(s);
  for (const chunk of chunks) stream.push(chunk);
  stream.end();
  return s.rows;
}

function failure(chunks: readonly Uint8Array[]): string {
  try {
    feedBytes(chunks);
  } catch (error) {
    expect(error).toBeInstanceOf(HistoryReadError);
    return (error as Error).message;
  }
  throw new Error('expected a HistoryReadError');
}

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('CsvByteStream: strict UTF-8 from bytes', () => {
  it('decodes characters split across chunks at every byte position', () => {
    const bytes = utf8(TRICKY);
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(feedBytes([bytes.subarray(0, cut), bytes.subarray(cut)]), `cut at ${cut}`).toEqual(TRICKY_ROWS);
    }
    expect(feedBytes([...bytes].map((b) => Uint8Array.of(b)))).toEqual(TRICKY_ROWS);
  });

  it('refuses a byte that is not UTF-8 with its line and character, wherever the chunks are cut', () => {
    // Latin-1 "Café" on line 3: é is the single byte 0xE9.
    const bytes = Uint8Array.from([...utf8('a,b\n1,2\nCaf'), 0xe9, ...utf8(',x\n')]);
    for (let cut = 0; cut <= bytes.length; cut++) {
      expect(failure([bytes.subarray(0, cut), bytes.subarray(cut)]), `cut at ${cut}`).toBe(
        'f.csv:3: not valid UTF-8: byte 0xE9 at character 4 of the line (save the file as UTF-8)',
      );
    }
  });

  it('refuses a character cut off at the end of the file, and UTF-16', () => {
    const cut = Uint8Array.from([...utf8('a\n€'), 0xe2, 0x82]);
    expect(failure([cut])).toBe('f.csv:2: not valid UTF-8: byte 0xE2 at character 2 of the line (save the file as UTF-8)');
    expect(failure([Uint8Array.of(0xff, 0xfe, 0x61, 0)])).toMatch(/^f\.csv:1: not UTF-8 \(it starts with a UTF-16 byte-order mark\)/);
  });

  it('refuses a quoted cell that is never closed, at the line it opens', () => {
    expect(failure([utf8('a,b\n1,"2\n3,4\n')])).toBe('f.csv:2: a quoted cell starts here and is never closed (a missing " ?)');
  });
});
