import { describe, expect, it } from 'vitest';
import { ColumnMapError, parseColumnMap } from '../../src/history/columns.js';
import { readIntervalHistory } from '../../src/history/readIntervalHistory.js';

describe('--columns', () => {
  it('reads column=header pairs, quoted headers with commas and doubled quotes, any case of the column', () => {
    expect(parseColumnMap('offered="Calls Offered",AHT=Avg Handle , service_level="SL, 20s ""strict"""')).toEqual({
      offered: 'Calls Offered',
      aht: 'Avg Handle',
      service_level: 'SL, 20s "strict"',
    });
  });

  it('refuses what it cannot read, naming the flag', () => {
    const cases: [string, RegExp][] = [
      ['offered', /^--columns: expected column=header pairs .* not "offered"$/],
      ['offerd=Calls', /^--columns: unknown column "offerd" \(did you mean offered\?\)/],
      ['offered=', /^--columns: empty header for offered$/],
      ['offered=A,offered=B', /^--columns: offered is given twice$/],
      ['answered=X,abandoned=x', /^--columns: answered and abandoned both name the header "x"$/],
      ['aht="AHT', /^--columns: the quoted header of aht is not closed$/],
      ['aht="AHT" s', /^--columns: unexpected text after the quoted header of aht/],
      ['', /^--columns: expected column=header pairs/],
    ];
    for (const [text, message] of cases) {
      expect(() => parseColumnMap(text), text).toThrow(ColumnMapError);
      expect(() => parseColumnMap(text), text).toThrow(message);
    }
  });
});

describe('header mapping', () => {
  const body = '2024-01-01,08:00,sales,10,3:00,extra\n';

  it('matches names case-insensitively after trimming, renames by --columns, ignores other columns', () => {
    const h = readIntervalHistory(` Date ,INTERVAL_START,Type,Calls Offered,AHT,Queue Name\n${body}`, {
      columns: { offered: 'calls offered' },
    });
    expect(h.types).toEqual(['sales']);
    const slot = 480 / h.intervalMinutes; // 08:00
    expect(h.offered[slot]).toBe(10);
    expect(h.aht[slot]).toBe(180);
    expect([...h.columns]).toEqual(['aht']);
  });

  it('a missing required column is named, with the header found', () => {
    expect(() => readIntervalHistory(`date,interval_start,kind,Calls\n${body}`, { source: 'h.csv' })).toThrow(
      'h.csv:1: missing columns type, offered (the header has: "date", "interval_start", "kind", "Calls"; --columns maps other names)',
    );
    expect(() => readIntervalHistory(`date,interval_start,type,offered\n${body}`, { source: 'h.csv', columns: { offered: 'Calls Offered' } })).toThrow(
      'h.csv:1: missing column offered (--columns: "Calls Offered")',
    );
  });

  it('an optional column renamed to a header the file lacks is refused, not silently unknown', () => {
    expect(() => readIntervalHistory(`date,interval_start,type,offered\n2024-01-01,08:00,s,1\n`, { source: 'h.csv', columns: { aht: 'AHT' } })).toThrow(
      /^h\.csv:1 \(aht\): --columns renames it to "AHT", which the header lacks \(the header has: "date"/,
    );
  });

  it('a needed column twice in the header is refused; a map key no file has is refused', () => {
    expect(() => readIntervalHistory(`date,interval_start,type,offered,Offered\n${body}`, { source: 'h.csv' })).toThrow(
      'h.csv:1:5 (offered): the header has "offered" twice (columns 4 and 5)',
    );
    expect(() => readIntervalHistory(`date,interval_start,type,offered\n${body}`, { columns: { volume: 'x' } })).toThrow(ColumnMapError);
  });

  it('an empty or semicolon-separated file is refused at line 1', () => {
    expect(() => readIntervalHistory('', { source: 'h.csv' })).toThrow(
      'h.csv:1: empty file: expected the interval history header date,interval_start,type,offered[,answered,abandoned,aht,asa,service_level]',
    );
    expect(() => readIntervalHistory('date;interval_start;type;offered\n', { source: 'h.csv' })).toThrow(/^h\.csv:1: looks semicolon-separated/);
    expect(() => readIntervalHistory('date,interval_start,type,offered\n\n', { source: 'h.csv' })).toThrow(
      'h.csv:1: no rows after the header: the interval history is empty',
    );
  });
});
