/** Where scenarios come from: the bundled files and the files uploaded in this session. */
import type { ScenarioIssue } from '../../../src/scenario/index.js';
import { linkToken, readScenarioToken } from '../builder/scenarioLink.js';
import { BUNDLED, bundledById, displayName } from './bundled.js';
import type { ForecastFile } from './prepare.js';

export interface SourceInfo {
  readonly key: string;
  /** The scenario's name (or the file's). */
  readonly label: string;
  readonly raw: unknown;
  /** The bundled CSV the scenario's `forecast` field names. */
  readonly forecast?: ForecastFile;
  readonly description: string;
}

export interface UploadedScenario {
  readonly key: string;
  readonly fileName: string;
  readonly raw: unknown;
  /** An uploaded file, or a scenario the page made (staffing found by simulation, a fit to a history, the rest of a day from now). */
  readonly origin: 'upload' | 'found' | 'fitted' | 'built' | 'intraday';
}

function describe(raw: unknown): string {
  const d = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['description'] : undefined;
  return typeof d === 'string' ? d : '';
}

export class Sources {
  private readonly uploads: UploadedScenario[] = [];
  private count = 0;
  /** Link tokens of built scenarios, by key (null: too big for a link). */
  private readonly tokens = new Map<string, string | null>();

  get uploaded(): readonly UploadedScenario[] {
    return this.uploads;
  }

  addUpload(fileName: string, raw: unknown, origin: UploadedScenario['origin'] = 'upload'): string {
    const key = `upload:${++this.count}`;
    this.uploads.push({ key, fileName, raw, origin });
    return key;
  }

  get(key: string): SourceInfo | undefined {
    const upload = this.uploads.find((u) => u.key === key);
    if (upload !== undefined) {
      const name = displayName(upload.raw, upload.fileName);
      const label = upload.origin === 'found' || upload.origin === 'intraday' ? name : upload.origin === 'fitted' ? `${name} (fitted to a history)` : upload.origin === 'built' ? `${name} (built in the page)` : `${name} (uploaded ${upload.fileName})`;
      return { key, label, raw: upload.raw, description: describe(upload.raw) };
    }
    const b = bundledById(key);
    if (b === undefined) return undefined;
    const info = { key, label: `${displayName(b.raw, b.id)} — ${b.id}`, raw: b.raw, description: describe(b.raw) };
    const fileName = (b.raw as Record<string, unknown>)['forecast'];
    return b.forecast === undefined || typeof fileName !== 'string' ? info : { ...info, forecast: { fileName, text: b.forecast } };
  }

  bundledKeys(): string[] {
    return BUNDLED.map((b) => b.id);
  }

  /** The link token of a scenario built in the page (urlState's `b=`); undefined for any other source or one too big for a link. */
  tokenOf(key: string): string | undefined {
    if (!this.tokens.has(key)) {
      const built = this.uploads.find((u) => u.key === key && u.origin === 'built');
      if (built === undefined) return undefined;
      this.tokens.set(key, linkToken(built.raw).token);
    }
    return this.tokens.get(key) ?? undefined;
  }

  /** The source of a scenario read from a link token (the same token twice: the same source), or why it cannot be read. */
  sourceOf(token: string): string | ScenarioIssue {
    for (const u of this.uploads) if (u.origin === 'built' && this.tokenOf(u.key) === token) return u.key;
    const read = readScenarioToken(token);
    if (!read.ok) return read.issue;
    const key = this.addUpload('link.json', read.raw, 'built');
    this.tokens.set(key, token);
    return key;
  }
}
