/**
 * A scenario built in the page travels in the page's link as one token: its JSON (compact) as
 * UTF-8 in base64url, which a URL fragment carries without escapes. Only scenarios whose token
 * stays under MAX_LINK_TOKEN_CHARS do: a longer link breaks in mail and chat programs, and the
 * page says so (Save JSON shares any size). Pure: no DOM.
 */
import type { ScenarioIssue } from '../../../src/scenario/index.js';

/** Longest token put in a link, characters (about 6 KB of scenario JSON). */
export const MAX_LINK_TOKEN_CHARS = 8000;

/** The link token of a scenario's JSON value. */
export function scenarioToken(raw: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(raw));
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The token, or null when it is too long for a link. */
export function linkToken(raw: unknown): { token: string | null; chars: number } {
  const token = scenarioToken(raw);
  return { token: token.length <= MAX_LINK_TOKEN_CHARS ? token : null, chars: token.length };
}

/** The JSON value a token carries, or the issue (path `url`) saying why it cannot be read. */
export function readScenarioToken(token: string): { ok: true; raw: unknown } | { ok: false; issue: ScenarioIssue } {
  const refuse = (why: string) => ({ ok: false as const, issue: { path: 'url', message: `the scenario in the link ${why}; it was not added` } });
  if (token.length > MAX_LINK_TOKEN_CHARS || !/^[A-Za-z0-9_-]*$/.test(token)) return refuse('is not one this page wrote');
  let binary: string;
  try {
    binary = atob(token.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return refuse('is cut short or altered');
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
    return { ok: true, raw: JSON.parse(text) as unknown };
  } catch {
    return refuse('is cut short or altered');
  }
}
