import { append, h, safeUrl, type Child } from './dom';

const WORD = /[\p{L}\p{N}]/u;
const SPACE = /\s/;

/**
 * Bold (**), italic (* or _), and links with balanced parentheses in the URL; anything else stays
 * literal text. One pass: every closer is looked for once per delimiter and remembered, so no input
 * makes the scan go back over the text (linear time, whatever the input).
 */
function inline(text: string): Child[] {
  const out: Child[] = [];
  const found: Record<string, number> = {};
  const at = (index: number) => text[index] ?? ' ';
  /** The first position >= from where `test` holds for the delimiter `mark`, remembered between calls. */
  const next = (mark: string, from: number, test: (index: number) => boolean = () => true): number => {
    let index = found[mark] ?? -2;
    if (index === -1 || index >= from) return index;
    for (index = text.indexOf(mark, from); index >= 0 && !test(index); ) index = text.indexOf(mark, index + 1);
    return (found[mark] = index);
  };
  let plain = 0;
  let pairs: number[] | undefined;
  const ends: Record<number, number> = {};
  let index = 0;
  const emit = (end: number, ...nodes: Child[]) => {
    out.push(text.slice(plain, index), ...nodes);
    plain = index = end;
  };
  while (index < text.length) {
    const char = text[index]!;
    if (text.startsWith('**', index) && !SPACE.test(at(index + 2))) {
      const close = next('**', index + 2, (i) => !SPACE.test(at(i - 1)));
      if (close > index + 2) {
        emit(close + 2, h('strong', null, ...inline(text.slice(index + 2, close))));
        continue;
      }
    } else if (char === '*' && !SPACE.test(at(index + 1))) {
      const close = next('*', index + 1, (i) => !SPACE.test(at(i - 1)) && at(i + 1) !== '*');
      if (close > index + 1) {
        emit(close + 1, h('em', null, ...inline(text.slice(index + 1, close))));
        continue;
      }
    } else if (char === '_' && !WORD.test(at(index - 1)) && !SPACE.test(at(index + 1))) {
      // Underscores inside words (snake_case) stay literal, as in CommonMark.
      const close = next('_', index + 1, (i) => !SPACE.test(at(i - 1)) && !WORD.test(at(i + 1)));
      if (close > index + 1) {
        emit(close + 1, h('em', null, ...inline(text.slice(index + 1, close))));
        continue;
      }
    } else if (char === '[') {
      const close = next(']', index + 1);
      const end = close > index + 1 && at(close + 1) === '(' ? urlEnd(close + 2) : -1;
      if (end > 0) {
        const href = safeUrl(text.slice(close + 2, end));
        const label = inline(text.slice(index + 1, close));
        emit(end + 1, ...(href ? [h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, ...label)] : label));
        continue;
      }
    }
    index++;
  }
  out.push(text.slice(plain));
  return out;

  /**
   * Where a link's URL starting at `from` ends (its closing parenthesis), or -1; parentheses inside
   * must balance and there is no space. Walks jump over balanced groups, and every position's
   * answer is remembered, so all the links of a text together cost one pass.
   */
  function urlEnd(from: number): number {
    if (!pairs) {
      pairs = [];
      const open: number[] = [];
      for (let i = 0; i < text.length; i++) {
        if (text[i] === '(') open.push(i);
        else if (text[i] === ')' && open.length) pairs[open.pop()!] = i;
        else if (SPACE.test(text[i]!)) open.length = 0;
      }
    }
    const walked: number[] = [];
    let i = from;
    let end = -1;
    for (; i < text.length && !(i in ends); i = text[i] === '(' ? pairs[i]! + 1 : i + 1) {
      walked.push(i);
      if (text[i] === ')') {
        end = i;
        break;
      }
      if (SPACE.test(text[i]!) || (text[i] === '(' && pairs[i] === undefined)) break;
    }
    if (i in ends) end = ends[i]!;
    for (const position of walked) ends[position] = end;
    return end;
  }
}

/**
 * The safe markdown subset of authored text: paragraphs, line breaks, "- " and "1. " lists,
 * **bold**, *italic* and [links](https://…), built as DOM nodes. No HTML is ever parsed.
 */
export function markdown(source: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const block of source.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const lines = block.split('\n').filter((line) => line.trim());
    if (!lines.length) continue;
    const ordered = lines.every((line) => /^\s*\d+[.)]\s/.test(line));
    if (ordered || lines.every((line) => /^\s*[-*]\s/.test(line))) {
      append(fragment, [h(ordered ? 'ol' : 'ul', null, ...lines.map((line) => h('li', null, ...inline(line.replace(/^\s*(\d+[.)]|[-*])\s+/, '')))))]);
    } else {
      const paragraph = h('p');
      lines.forEach((line, index) => append(paragraph, [index ? h('br') : null, ...inline(line)]));
      fragment.appendChild(paragraph);
    }
  }
  return fragment;
}
