import { append, h, safeUrl, type Child } from './dom';

// Bold, italic (* or _), and links; anything else stays literal text.
const INLINE = /\*\*(.+?)\*\*|\*(.+?)\*|_(.+?)_|\[([^\]]+)\]\(([^)\s]+)\)/g;

function inline(text: string): Child[] {
  const out: Child[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    out.push(text.slice(last, match.index));
    const [, bold, italic, underscored, label, url] = match;
    if (bold != null) out.push(h('strong', null, ...inline(bold)));
    else if (label != null) {
      const href = safeUrl(url!);
      out.push(href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, ...inline(label)) : label);
    } else out.push(h('em', null, ...inline((italic ?? underscored)!)));
    last = match.index + match[0].length;
  }
  out.push(text.slice(last));
  return out;
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
