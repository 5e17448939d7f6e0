/**
 * A chart's SVG as a standalone file, and as a PNG at twice its size. The charts carry their
 * styling as attributes and embed no external resources, so the serialised SVG is complete and
 * the canvas it is drawn on is never tainted. The export puts the chart's title above it.
 */
import { FONT, TEXT } from '../charts/palette.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const TITLE_BAND = 28;

export function svgText(svg: SVGSVGElement, title: string): string {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height')) + TITLE_BAND;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  // Hover state (cursor, outline, tooltip) is not part of the chart.
  copy.querySelectorAll('.cursor').forEach((n) => n.remove());
  const body = document.createElementNS(SVG_NS, 'g');
  body.setAttribute('transform', `translate(0,${TITLE_BAND})`);
  for (const child of [...copy.childNodes]) {
    if (child.nodeName === 'title' || child.nodeName === 'defs') continue;
    body.appendChild(child);
  }
  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', String(width));
  background.setAttribute('height', String(height));
  background.setAttribute('fill', '#ffffff');
  const heading = document.createElementNS(SVG_NS, 'text');
  heading.setAttribute('x', '10');
  heading.setAttribute('y', '19');
  heading.setAttribute('font-size', '14');
  heading.setAttribute('font-weight', '600');
  heading.setAttribute('font-family', FONT);
  heading.setAttribute('fill', TEXT);
  heading.textContent = title;
  copy.append(background, heading, body);
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('height', String(height));
  copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  for (const a of ['tabindex', 'role', 'aria-labelledby', 'aria-describedby']) copy.removeAttribute(a);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

export async function svgToPng(svg: SVGSVGElement, title: string, scale = 2): Promise<Blob> {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height')) + TITLE_BAND;
  const image = new Image();
  const loaded = new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error('the chart could not be drawn as an image'));
  });
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText(svg, title))}`;
  await loaded;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('no 2D canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}
