/**
 * Which class names and ids say what an element *is*, and which only say how it looks today or
 * were made by a build tool. Used by capture (selectors, fingerprints), the player (reading a
 * live element the same way) and lint (fragile selectors). Pure and small: it ships in the player.
 */

/** Attributes teams put on elements for tests, on purpose and stable across releases, best first. */
export const TEST_ID_ATTRIBUTES = ['data-testid', 'data-test', 'data-cy', 'data-test-id', 'data-qa'];

/** Ids from frameworks and build tools change between deploys: React's ":r1:", "ember123", hashes. */
export function looksGenerated(value: string): boolean {
  return (
    /^\d/.test(value) ||
    /[:{}]/.test(value) ||
    /\d{3,}/.test(value) ||
    /[0-9a-f]{8,}/i.test(value) ||
    /^(ember|react|radix|mui|headlessui|rc-|ng-|vue-|svelte-|__)/i.test(value)
  );
}

/** Bootstrap and Tailwind utilities by prefix: spacing, display, flex and grid, type, colour, borders, sizes, position. */
const UTILITY_PREFIX =
  /^-?(?:[mp][trblxyse]?|d|text|bg|border|rounded|shadow|flex|justify|align|items|self|place|content|col|row|g[xy]?|gap|space|w|h|min|max|mw|mh|vw|vh|position|top|bottom|start|end|left|right|inset|fw|fs|lh|font|float|overflow|order|z|opacity|link|sticky|fixed|leading|tracking|ring|divide|grid|translate|scale|rotate|skew|object|aspect|whitespace|break|outline|cursor|transition|duration|ease|delay|animate|pointer|select|shrink|grow|basis|decoration|underline|from|to|via|fill|stroke|sr|visually|ratio|vstack|hstack|stretched|user|display|offset|container|clearfix|sm|md|lg|xl|xxl|focus|hover|is|has)(?:-|$)/;

/** One-word utilities and state classes. */
const UTILITY_WORDS = new Set([
  'flex', 'grid', 'block', 'inline', 'inline-block', 'inline-flex', 'hidden', 'contents', 'table', 'absolute', 'relative', 'static',
  'truncate', 'uppercase', 'lowercase', 'capitalize', 'italic', 'underline', 'antialiased', 'visible', 'invisible', 'small', 'lead',
  'show', 'fade', 'collapse', 'collapsing', 'collapsed', 'active', 'disabled', 'selected', 'open', 'current', 'toggled', 'checked',
  'dark', 'light', 'clearfix', 'shadow', 'border', 'rounded', 'container', 'row', 'col', 'no-gutters',
  // Bootstrap's heading-size utilities (a div that looks like an h5).
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
]);

/** CSS-in-JS and CSS-modules output: "css-1x2y3z", "sc-bdVaJa", "jsx-123", "Button_primary__3xYz2", "kVtMtA". */
function looksHashed(name: string): boolean {
  return /^(?:css|sc|jsx|emotion|svelte|styled)-/i.test(name) || /__[A-Za-z0-9_-]{4,}$/.test(name) || (/^[a-zA-Z]{5,8}$/.test(name) && /[a-z][A-Z]|[A-Z]{2}[a-z]/.test(name));
}

/** A class worth matching on: it names a component ("card", "btn-primary", "sidebar-brand"), not a look or a state. */
export function meaningfulClass(name: string): boolean {
  let verdict = verdicts.get(name);
  if (verdict === undefined) {
    if (verdicts.size > 10_000) verdicts.clear();
    verdicts.set(name, (verdict = judge(name)));
  }
  return verdict;
}

/** Pages repeat a few classes thousands of times: each is judged once (capture and page searches read every element). */
const verdicts = new Map<string, boolean>();

function judge(name: string): boolean {
  return (
    name.length > 1 &&
    name.length <= 40 &&
    !name.includes(':') &&
    !name.includes('[') &&
    !name.includes('/') &&
    !UTILITY_WORDS.has(name) &&
    !UTILITY_PREFIX.test(name) &&
    !looksHashed(name) &&
    !looksGenerated(name)
  );
}

/** Words, lower-cased and without accents or punctuation, for comparing texts loosely. */
export function textWords(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** A link's path without origin, query or fragment ("tables.html", "/settings/alerts"): what survives a move to staging. */
export function hrefPath(href: string): string {
  const trimmed = href.trim();
  if (!trimmed || trimmed.startsWith('#') || /^javascript:/i.test(trimmed)) return '';
  return trimmed.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/[?#].*$/, '') || '/';
}
