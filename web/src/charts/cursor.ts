/**
 * Pointer and keyboard exploration of a chart: the pointer, or the arrow keys once the chart has
 * focus (Tab), move a cursor over columns (intervals) and rows; Home/End jump, Escape hides;
 * optionally a click or Enter acts on the cell.
 */
import * as d3 from 'd3';

export interface Cell {
  col: number;
  row: number;
}

export interface CursorOptions {
  readonly svg: d3.Selection<SVGSVGElement, unknown, null, undefined>;
  readonly cols: number;
  readonly rows?: number;
  /** The cell under the pointer, from its position in SVG pixels; null outside the plot. */
  readonly cellAt: (x: number, y: number) => Cell | null;
  readonly show: (cell: Cell) => void;
  readonly hide: () => void;
  /** A click on a cell, or Enter on the focused chart's cell: act on it (e.g. explain the interval). */
  readonly activate?: (cell: Cell) => void;
}

export function attachCursor(o: CursorOptions): void {
  const rows = o.rows ?? 1;
  let current: Cell | null = null;
  const move = (cell: Cell | null) => {
    current = cell;
    if (cell === null) o.hide();
    else o.show(cell);
  };
  o.svg
    .on('pointermove', (event: PointerEvent) => {
      const [x, y] = d3.pointer(event, o.svg.node());
      const cell = o.cellAt(x, y);
      if (cell !== null && (cell.col !== current?.col || cell.row !== current.row)) move(cell);
      if (cell === null && current !== null) move(null);
    })
    .on('pointerleave', () => move(null))
    .on('focus', () => move(current ?? { col: 0, row: 0 }))
    .on('blur', () => move(null))
    .on('keydown', (event: KeyboardEvent) => {
      const c = current ?? { col: 0, row: 0 };
      if (event.key === 'Enter' && o.activate !== undefined) {
        event.preventDefault();
        o.activate(c);
        return;
      }
      let next: Cell | null = c;
      switch (event.key) {
        case 'ArrowRight':
          next = { col: Math.min(o.cols - 1, c.col + 1), row: c.row };
          break;
        case 'ArrowLeft':
          next = { col: Math.max(0, c.col - 1), row: c.row };
          break;
        case 'ArrowDown':
          if (rows === 1) return;
          next = { col: c.col, row: Math.min(rows - 1, c.row + 1) };
          break;
        case 'ArrowUp':
          if (rows === 1) return;
          next = { col: c.col, row: Math.max(0, c.row - 1) };
          break;
        case 'Home':
          next = { col: 0, row: c.row };
          break;
        case 'End':
          next = { col: o.cols - 1, row: c.row };
          break;
        case 'Escape':
          next = null;
          break;
        default:
          return;
      }
      event.preventDefault();
      move(next);
    });
  const activate = o.activate;
  if (activate !== undefined) {
    o.svg.on('click', (event: MouseEvent) => {
      const [x, y] = d3.pointer(event, o.svg.node());
      const cell = o.cellAt(x, y);
      if (cell !== null) activate(cell);
    });
  }
}
