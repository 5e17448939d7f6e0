import type { ScenarioIssue } from './issues.js';
import { formatPath } from './issues.js';

/** What a scan of JSON text finds that `JSON.parse` does not say. */
export interface JsonScan {
  /** Offset of the first syntax error (text length for an unexpected end); undefined if valid. */
  errorOffset: number | undefined;
  /** Keys written twice in one object (JSON.parse silently keeps the last). */
  duplicateKeys: ScenarioIssue[];
}

class SyntaxStop {
  constructor(readonly offset: number) {}
}

const numberPattern = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const literals = ['true', 'false', 'null'];

/** A small JSON grammar scanner: locates the first syntax error and repeated keys, with paths. */
export function scanJson(text: string): JsonScan {
  let i = 0;
  const path: PropertyKey[] = [];
  const duplicateKeys: ScenarioIssue[] = [];
  const stop = (at = i): never => {
    throw new SyntaxStop(at);
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const string = (): string => {
    const begin = ++i;
    for (;;) {
      const c = text[i];
      if (c === undefined || c < ' ') stop();
      if (c === '"') return JSON.parse(text.slice(begin - 1, ++i)) as string;
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else stop(i + 1);
      } else i++;
    }
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') return void i++;
      const keys = new Set<string>();
      for (;;) {
        space();
        if (text[i] !== '"') stop();
        const key = string();
        if (keys.has(key)) duplicateKeys.push({ path: formatPath(path), message: `duplicate key ${JSON.stringify(key)}` });
        keys.add(key);
        space();
        if (text[i] !== ':') stop();
        i++;
        path.push(key);
        value();
        path.pop();
        space();
        if (text[i] === '}') return void i++;
        if (text[i] !== ',') stop();
        i++;
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') return void i++;
      for (let index = 0; ; index++) {
        path.push(index);
        value();
        path.pop();
        space();
        if (text[i] === ']') return void i++;
        if (text[i] !== ',') stop();
        i++;
      }
    }
    if (c === '"') return void string();
    numberPattern.lastIndex = i;
    if (numberPattern.test(text)) return void (i = numberPattern.lastIndex);
    const literal = literals.find((word) => word[0] === c);
    if (literal === undefined) stop();
    for (const letter of literal as string) {
      if (text[i] !== letter) stop();
      i++;
    }
  };
  try {
    value();
    space();
    if (i < text.length) stop();
    return { errorOffset: undefined, duplicateKeys };
  } catch (error) {
    if (error instanceof SyntaxStop) return { errorOffset: error.offset, duplicateKeys };
    return { errorOffset: undefined, duplicateKeys }; // e.g. stack overflow on absurd nesting
  }
}

/** 1-based line and column of an offset in text. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lastBreak = before.lastIndexOf('\n');
  return { line: before.split('\n').length, column: before.length - lastBreak };
}

/**
 * One-line description of why text is not JSON, e.g.
 * `not valid JSON: Unexpected token '}' at line 3 column 1`. The engine's own wording is kept;
 * its position (or, when it gives none, the scanner's) becomes a line and column.
 */
export function describeJsonError(text: string, error: unknown): string {
  let reason = error instanceof Error ? error.message : String(error);
  let offset: number | undefined;
  const positioned = /\s*(?:in JSON )?at position (\d+)(?:\s*\(line \d+ column \d+\))?/.exec(reason);
  if (positioned) {
    offset = Number(positioned[1]);
    reason = reason.replace(positioned[0], '');
  }
  reason = reason.replace(/, ".*" is not valid JSON$/s, '').replace(/\s+/g, ' ').trim();
  offset ??= scanJson(text).errorOffset;
  if (offset === undefined) return `not valid JSON: ${reason}`;
  const { line, column } = lineColumn(text, offset);
  return `not valid JSON: ${reason} at line ${line} column ${column}`;
}
