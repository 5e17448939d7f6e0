/** Where scenarios come from: the bundled files and the files uploaded in this session. */
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
  /** An uploaded file, or a scenario the page made (staffing found by simulation). */
  readonly origin: 'upload' | 'found';
}

function describe(raw: unknown): string {
  const d = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['description'] : undefined;
  return typeof d === 'string' ? d : '';
}

export class Sources {
  private readonly uploads: UploadedScenario[] = [];
  private count = 0;

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
      const label = upload.origin === 'found' ? displayName(upload.raw, upload.fileName) : `${displayName(upload.raw, upload.fileName)} (uploaded ${upload.fileName})`;
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
}
