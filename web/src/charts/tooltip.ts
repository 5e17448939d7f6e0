/**
 * One tooltip per chart: a box of text lines next to the pointer or the keyboard cursor.
 * Lines are set with textContent. It is also an aria-live region, so screen readers hear it.
 */
export class Tooltip {
  readonly element: HTMLDivElement;

  constructor(container: HTMLElement) {
    this.element = document.createElement('div');
    this.element.className = 'tooltip';
    this.element.setAttribute('role', 'status');
    this.element.setAttribute('aria-live', 'polite');
    this.element.hidden = true;
    container.appendChild(this.element);
  }

  /** Show `lines` (the first is the heading) with its top-left near (x, y) in the container's pixels. */
  show(lines: readonly string[], x: number, y: number): void {
    this.element.replaceChildren();
    lines.forEach((line, i) => {
      const row = document.createElement('div');
      if (i === 0) row.className = 'tooltip-title';
      row.textContent = line;
      this.element.appendChild(row);
    });
    this.element.hidden = false;
    const parent = this.element.parentElement;
    const width = parent?.clientWidth ?? 800;
    const box = this.element.getBoundingClientRect();
    const left = x + 14 + box.width > width ? Math.max(0, x - 14 - box.width) : x + 14;
    this.element.style.left = `${left}px`;
    this.element.style.top = `${Math.max(0, y - 10)}px`;
  }

  hide(): void {
    this.element.hidden = true;
  }
}
