/**
 * The capture browser's recorder, run in every document of a session's context before the page's
 * own scripts (an init script). It reports what the author does in the top document (trusted
 * clicks, fills, Enter/Escape/Tab) with selectors made by the capture's own selector builder, so a
 * replay targets elements the same way anchors do. Values of secret fields never leave the page.
 */
import { nameOf } from '../../inPage/elementName';
import { createSelectorMaker } from '../../inPage/selectors';

export interface RecorderMessage {
  nonce: string;
  /** "load": a new document started (the path starts again); "action": one recorded action. */
  type: 'load' | 'action';
  url: string;
  action?: unknown;
}

const PRESSED_KEYS = new Set(['Enter', 'Escape', 'Tab']);
const SECRET_WORDS = /password|passwd|secret|token|otp|cvv|cvc|card/i;
const SECRET_MARKS = '[data-stepwise-secret],[data-private],[data-sensitive]';
const CLICKABLE = 'a,button,input,select,textarea,label,summary,option,[role="button"],[role="link"],[role="menuitem"],[role="tab"],[role="option"],[role="checkbox"],[role="radio"],[role="switch"],[onclick],[tabindex]';
const TEXT_INPUT_TYPES = new Set(['', 'text', 'email', 'search', 'tel', 'url', 'number', 'password', 'date', 'datetime-local', 'month', 'time', 'week', 'color', 'range']);

/** A field whose value must never be kept: passwords, one-time codes, card data, anything marked secret. */
export function isSecretField(element: Element): boolean {
  const field = element as HTMLInputElement;
  if (field.type === 'password') return true;
  const autocomplete = (element.getAttribute('autocomplete') ?? '').toLowerCase();
  if (/password|one-time-code|cc-/.test(autocomplete)) return true;
  if (element.closest(SECRET_MARKS)) return true;
  for (const attribute of ['aria-label', 'name', 'id']) {
    if (SECRET_WORDS.test(element.getAttribute(attribute) ?? '')) return true;
  }
  return false;
}

/** The element a click means: the control or link it landed in, else the element itself. */
function clickTarget(element: Element): Element {
  return element.closest(CLICKABLE) ?? element;
}

/** `body > div:nth-of-type(2) > span`: the last resort when the selector builder finds nothing. */
function positionalPath(element: Element): string {
  const steps: string[] = [];
  for (let current: Element | null = element; current && current.localName !== 'body' && current.localName !== 'html'; current = current.parentElement) {
    let index = 1;
    for (let sibling = current.previousElementSibling; sibling; sibling = sibling.previousElementSibling) if (sibling.localName === current.localName) index++;
    steps.unshift(`${CSS.escape(current.localName)}:nth-of-type(${index})`);
  }
  return ['body', ...steps].join(' > ');
}

export function selectorsFor(element: Element): string[] {
  const doc = element.ownerDocument;
  const maker = createSelectorMaker(doc, Array.from(doc.getElementsByTagName('*')), { spentMs: 0 });
  const found = maker.selectorsOf(element, 2);
  return found ? [found.primary, ...found.alternates].slice(0, 3) : [positionalPath(element)];
}

function nameFor(element: Element): string | undefined {
  try {
    const name = nameOf(element, element.ownerDocument).slice(0, 200);
    return name || undefined;
  } catch {
    return undefined;
  }
}

function isFillable(element: Element): element is HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement {
  if (element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement) return true;
  return element instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(element.type);
}

/**
 * Starts recording in this document. `send` is the binding to the host, taken before any page
 * script runs; only trusted (real input) events count, so a page cannot record on its own.
 */
export function startRecorder(send: (message: RecorderMessage) => void, nonce: string): void {
  if (window.top !== window) return;
  const url = () => location.href;
  const report = (action: unknown) => send({ nonce, type: 'action', url: url(), action });
  send({ nonce, type: 'load', url: url() });

  window.addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted || !(event.target instanceof Element)) return;
      const target = clickTarget(event.target);
      // A click on a label or a field only focuses it; the fill that follows says more.
      report({ kind: 'click', selectors: selectorsFor(target), name: nameFor(target) });
    },
    true,
  );

  const onFill = (event: Event) => {
    if (!event.isTrusted || !(event.target instanceof Element) || !isFillable(event.target)) return;
    const field = event.target;
    const secret = isSecretField(field);
    report({ kind: 'fill', selectors: selectorsFor(field), name: nameFor(field), secret, ...(secret ? {} : { value: field.value.slice(0, 10_000) }) });
  };
  window.addEventListener('input', onFill, true);
  window.addEventListener('change', onFill, true);

  window.addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted || !PRESSED_KEYS.has(event.key)) return;
      const focused = document.activeElement;
      const selectors = focused && focused !== document.body && focused !== document.documentElement ? selectorsFor(focused) : undefined;
      report({ kind: 'press', key: event.key, ...(selectors ? { selectors } : {}) });
    },
    true,
  );
}
