/** "SVG" and "PNG" buttons for one chart. */
import { el } from '../ui/dom.js';
import { download, downloadText } from './download.js';
import { svgText, svgToPng } from './svgImage.js';

export function exportButtons(svg: () => SVGSVGElement, fileName: string, title: string): HTMLElement {
  const svgButton = el('button', { type: 'button', class: 'small', 'aria-label': `Download “${title}” as SVG`, 'data-testid': 'export-svg' }, 'SVG');
  const pngButton = el('button', { type: 'button', class: 'small', 'aria-label': `Download “${title}” as PNG`, 'data-testid': 'export-png' }, 'PNG');
  svgButton.addEventListener('click', () => downloadText(svgText(svg(), title), `${fileName}.svg`, 'image/svg+xml'));
  pngButton.addEventListener('click', () => {
    void svgToPng(svg(), title).then((blob) => download(blob, `${fileName}.png`));
  });
  return el('div', { class: 'export-buttons' }, svgButton, pngButton);
}
