/**
 * A tiny element builder. Text only ever goes in through `textContent` (never innerHTML), so a
 * scenario named `<img src=x onerror=alert(1)>` is shown as those characters. Styles go through
 * the CSSOM (`element.style`), never a `style` attribute, which the page's CSP refuses.
 */
type Attrs = Record<string, string | number | boolean | undefined>;
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    // The built page's Content-Security-Policy refuses inline style attributes (style-src 'self').
    if (name === 'style') throw new Error('el(): set styles through element.style (CSSOM), not a style attribute');
    node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replace every child of `parent`. */
export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}
