/**
 * The parts of a CSS selector that decide whether it will survive the next release: per compound
 * (the "div.card#x[name=y]:nth-of-type(2)" between combinators) its ids, classes, attributes and
 * whether it counts position. A small scanner, not a full CSS parser: lint has no DOM, and a
 * selector it cannot read is left alone rather than guessed at.
 */

export interface SelectorCompound {
  tag: string | null;
  ids: string[];
  classes: string[];
  attributes: { name: string; value: string | null }[];
  /** :nth-of-type(), :nth-child(), :first-child and the like. */
  positional: boolean;
}

const POSITIONAL = /^(?:nth-(?:last-)?(?:of-type|child)|first-(?:of-type|child)|last-(?:of-type|child))$/i;

/** Reads an identifier at `start`, undoing CSS escapes ("\:" and "\31 23"); returns it and where it ends. */
function readIdent(text: string, start: number): [string, number] {
  let value = '';
  let i = start;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '\\') {
      const hex = /^[0-9a-f]{1,6} ?/i.exec(text.slice(i + 1, i + 8));
      if (hex) {
        value += String.fromCodePoint(parseInt(hex[0].trim(), 16));
        i += 1 + hex[0].length;
      } else {
        value += text[i + 1] ?? '';
        i += 2;
      }
    } else if (/[\w-]/.test(char) || char.charCodeAt(0) > 0x7f) {
      value += char;
      i++;
    } else break;
  }
  return [value, i];
}

/** Skips a balanced "( … )" starting at `start` (an opening parenthesis); returns the index after it, or -1. */
function skipParens(text: string, start: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = start; i < text.length; i++) {
    const char = text[i]!;
    if (char === '\\') i++;
    else if (quote) quote = char === quote ? null : quote;
    else if (char === '"' || char === "'") quote = char;
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return i + 1;
  }
  return -1;
}

/** Reads "[name op value flag]" starting at `start` ("["); returns the attribute and the index after "]", or null. */
function readAttribute(text: string, start: number): [{ name: string; value: string | null }, number] | null {
  const match = /^\[\s*([\w:-]+)\s*(?:([~|^$*]?=)\s*(?:"((?:\\.|[^"\\])*)"|'((?:\\.|[^'\\])*)'|([^\s\]]+))\s*(?:[is]\s*)?)?\]/.exec(text.slice(start));
  if (!match) return null;
  const raw = match[3] ?? match[4] ?? match[5];
  return [{ name: match[1]!.toLowerCase(), value: raw === undefined ? null : raw.replace(/\\(.)/g, '$1') }, start + match[0].length];
}

/**
 * The compounds of a selector, outermost first; ">>>" (into a shadow root or iframe, as the player
 * reads it) counts as a combinator. Null for what this scanner does not read (a list "a, b").
 */
export function selectorCompounds(selector: string): SelectorCompound[] | null {
  const text = selector.trim();
  const compounds: SelectorCompound[] = [];
  let current: SelectorCompound | null = null;
  const open = () => (current ??= { tag: null, ids: [], classes: [], attributes: [], positional: false });
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (/\s|>|\+|~/.test(char)) {
      if (current) compounds.push(current);
      current = null;
      i++;
    } else if (char === '#' || char === '.') {
      const [name, end] = readIdent(text, i + 1);
      if (!name) return null;
      (char === '#' ? open().ids : open().classes).push(name);
      i = end;
    } else if (char === '[') {
      const read = readAttribute(text, i);
      if (!read) return null;
      open().attributes.push(read[0]);
      i = read[1];
    } else if (char === ':') {
      const colons = text[i + 1] === ':' ? 2 : 1;
      const [name, end] = readIdent(text, i + colons);
      if (!name) return null;
      if (POSITIONAL.test(name)) open().positional = true;
      else open();
      i = text[end] === '(' ? skipParens(text, end) : end;
      if (i < 0) return null;
    } else if (char === '*') {
      open();
      i++;
    } else if (/[a-z_-]/i.test(char)) {
      const [name, end] = readIdent(text, i);
      open().tag = name.toLowerCase();
      i = end;
    } else return null;
  }
  if (current) compounds.push(current);
  return compounds.length ? compounds : null;
}
