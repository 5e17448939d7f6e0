/**
 * An editable grid of one number per (row, interval): volume per contact type, staff per agent
 * group. A spreadsheet block pasted into a cell fills the block from that cell (tab-separated
 * rows; one column as lines, one row as tabs); the arrow keys up and down and Enter move between
 * rows. It scrolls inside its own frame, never the page.
 */
import { parsePastedBlock, placeBlock } from '../builder/gridPaste.js';
import { getAt, pathText, setAt, type PathKey } from '../builder/scenarioDocument.js';
import { el } from './dom.js';
import { fieldId, issueSlot, readNumberText, type FormContext } from './builderFields.js';

export interface GridRow {
  /** The row header (a type or group id). */
  readonly label: string;
  /** The per-interval array's path; null: the row is not edited here and `note` says why. */
  readonly path: readonly PathKey[] | null;
  readonly note?: string;
}

/** What is written under a cell (the requirement). */
export interface CellNote {
  readonly text: string;
  readonly title: string;
  /** The cell falls short of it. */
  readonly short: boolean;
}

export interface GridOptions {
  readonly caption: string;
  /** In each cell's label: "calls volume 08:30". */
  readonly what: string;
  readonly testId: string;
  /** The header of the row labels' column ("Agent group"). */
  readonly corner: string;
  /** Interval start labels (the columns). */
  readonly labels: readonly string[];
  readonly rows: readonly GridRow[];
  readonly integer: boolean;
  /** The note under cell (row, col) after each validation; null: none. */
  readonly under?: (row: number, col: number) => CellNote | null;
  /** Under the table: what the notes mean. */
  readonly legend?: HTMLElement;
}

export function editGrid(ctx: FormContext, o: GridOptions): HTMLElement {
  const slot = issueSlot(o.testId);
  const status = el('p', { class: 'grid-status', role: 'status', 'data-testid': `${o.testId}-status` });
  const inputs: HTMLInputElement[][] = o.rows.map(() => []);
  const editable = o.rows.flatMap((r, i) => (r.path === null ? [] : [i]));
  const head = el('tr', {}, el('th', { scope: 'col' }, o.corner));
  for (const label of o.labels) head.appendChild(el('th', { scope: 'col' }, label));
  const body = el('tbody', {});

  const move = (row: number, col: number, step: number) => {
    const k = editable.indexOf(row) + step;
    const target = editable[k];
    if (target !== undefined) inputs[target]?.[col]?.focus();
  };

  const paste = (row: number, col: number, text: string) => {
    const block = parsePastedBlock(text);
    if (!block.ok) {
      status.textContent = `Not pasted: ${block.message}.`;
      status.dataset['kind'] = 'error';
      return;
    }
    // Block rows go to the editable rows from this one down (rows edited elsewhere are skipped).
    const from = editable.indexOf(row);
    const placed = placeBlock(block.rows, { row: from, col }, { rows: editable.length, cols: o.labels.length });
    for (const cell of placed.cells) {
      const r = editable[cell.row]!;
      setAt(ctx.doc, [...o.rows[r]!.path!, cell.col], cell.value);
      const input = inputs[r]?.[cell.col];
      if (input !== undefined) input.value = String(cell.value);
    }
    const height = block.rows.length;
    const width = Math.max(...block.rows.map((r) => r.length));
    status.textContent = `Pasted ${height} × ${width} block at ${o.rows[row]!.label} ${o.labels[col] ?? ''}: ${placed.cells.length} cells set${placed.outside > 0 ? `; ${placed.outside} values beyond the grid's edge were left out` : ''}.`;
    status.dataset['kind'] = placed.outside > 0 ? 'error' : 'info';
    ctx.changed();
  };

  o.rows.forEach((r, i) => {
    const tr = el('tr', {}, el('th', { scope: 'row' }, r.label));
    if (r.path === null) {
      tr.appendChild(el('td', { colspan: o.labels.length, class: 'row-note' }, r.note ?? ''));
      body.appendChild(tr);
      return;
    }
    const path = r.path;
    const values = getAt(ctx.doc, path);
    ctx.register(pathText(path), tr, slot);
    o.labels.forEach((label, c) => {
      const cellPath = [...path, c];
      const id = fieldId(cellPath);
      const input = el('input', { id, type: 'text', inputmode: o.integer ? 'numeric' : 'decimal', autocomplete: 'off', class: 'cell', 'aria-label': `${r.label} ${o.what} ${label}`, 'data-path': pathText(cellPath), 'data-row': i, 'data-col': c });
      const v = Array.isArray(values) ? values[c] : undefined;
      input.value = v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
      input.addEventListener('input', () => {
        setAt(ctx.doc, cellPath, readNumberText(input.value) ?? null);
        ctx.changed();
      });
      input.addEventListener('paste', (e) => {
        const text = e.clipboardData?.getData('text/plain') ?? '';
        if (!/[\t\r\n]/.test(text.replace(/\r?\n$/, ''))) return; // one value: typed in as usual
        e.preventDefault();
        paste(i, c, text);
      });
      input.addEventListener('keydown', (e) => {
        if (e.key === 'ArrowDown' || e.key === 'Enter') move(i, c, 1);
        else if (e.key === 'ArrowUp') move(i, c, -1);
        else return;
        e.preventDefault();
      });
      inputs[i]!.push(input);
      ctx.register(pathText(cellPath), input, slot);
      const note = o.under === undefined ? null : el('span', { class: 'cell-note', 'data-testid': `${o.testId}-note-${i}-${c}` });
      tr.appendChild(el('td', {}, input, note));
      if (note !== null) {
        ctx.onValidated(() => {
          const n = o.under!(i, c);
          note.textContent = n?.text ?? '';
          note.title = n?.title ?? '';
          note.parentElement?.classList.toggle('short', n?.short === true);
        });
      }
    });
    body.appendChild(tr);
  });
  return el(
    'div',
    { class: 'bgrid-block', 'data-testid': o.testId },
    el('p', { class: 'hint', id: `${o.testId}-caption` }, o.caption),
    el('div', { class: 'grid-wrap' }, el('table', { class: 'bgrid', 'aria-labelledby': `${o.testId}-title`, 'aria-describedby': `${o.testId}-caption` }, el('thead', {}, head), body)),
    o.legend ?? null,
    status,
    slot,
  );
}
