export type Child = Node | string | number | null | undefined | false;
type Props = Record<string, string | number | boolean | EventListener | null | undefined>;

/**
 * Creates an element. Strings become text nodes and attributes go through setAttribute, so no
 * authored string is ever parsed as HTML; `on…` props become event listeners.
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const key in props) {
    const value = props[key];
    if (value == null || value === false) continue;
    if (key.startsWith('on')) element.addEventListener(key.slice(2), value as EventListener);
    else element.setAttribute(key === 'className' ? 'class' : key, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child == null || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Links the builder allows: http(s) and mailto only, so `javascript:` and `data:` never get a link. */
export function safeUrl(url: string): string | null {
  return /^(https?:|mailto:)/i.test(url.trim()) ? url.trim() : null;
}

/**
 * Constructable stylesheets are not subject to the page's CSP style-src (a <style> element is),
 * so the player keeps its look on pages with a strict policy.
 */
export function addSheet(root: ShadowRoot, css: string): void {
  if (root.adoptedStyleSheets) {
    // From the realm of the document played in: a sheet cannot be shared across documents.
    const sheet = new root.ownerDocument.defaultView!.CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else root.append(h('style', null, css));
}
