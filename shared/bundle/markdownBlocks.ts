/**
 * The safe markdown subset of authored text, parsed into plain data: paragraphs with line
 * breaks, "- " and "1. " lists, **bold**, *italic* / _italic_ and [links](url). No HTML is ever
 * parsed. The player builds DOM nodes from this and the editor builds React elements, so the
 * canvas shows exactly what users will see. Pure: no DOM, no dependencies.
 */
export type InlineNode =
  | { kind: 'text'; text: string }
  | { kind: 'strong'; children: InlineNode[] }
  | { kind: 'em'; children: InlineNode[] }
  /** `url` is null when the link's address is not http(s) or mailto: its label shows as text. */
  | { kind: 'link'; url: string | null; children: InlineNode[] };

export type MarkdownBlock =
  | { kind: 'paragraph'; lines: InlineNode[][] }
  | { kind: 'list'; ordered: boolean; items: InlineNode[][] };

const INLINE = /\*\*(.+?)\*\*|\*(.+?)\*|_(.+?)_|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Links may only go to web pages and mail: never javascript:, data: or relative tricks. */
export function safeLinkUrl(url: string): string | null {
  return /^(https?:\/\/|mailto:)/i.test(url.trim()) ? url.trim() : null;
}

export function parseInline(text: string): InlineNode[] {
  const out: InlineNode[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    if (match.index > last) out.push({ kind: 'text', text: text.slice(last, match.index) });
    const [, bold, italic, underscored, label, url] = match;
    if (bold != null) out.push({ kind: 'strong', children: parseInline(bold) });
    else if (label != null) out.push({ kind: 'link', url: safeLinkUrl(url!), children: parseInline(label) });
    else out.push({ kind: 'em', children: parseInline((italic ?? underscored)!) });
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

export function parseMarkdown(source: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  for (const block of source.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const lines = block.split('\n').filter((line) => line.trim());
    if (!lines.length) continue;
    const ordered = lines.every((line) => /^\s*\d+[.)]\s/.test(line));
    if (ordered || lines.every((line) => /^\s*[-*]\s/.test(line))) {
      blocks.push({ kind: 'list', ordered, items: lines.map((line) => parseInline(line.replace(/^\s*(\d+[.)]|[-*])\s+/, ''))) });
    } else {
      blocks.push({ kind: 'paragraph', lines: lines.map(parseInline) });
    }
  }
  return blocks;
}
