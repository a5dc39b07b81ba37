export const PLACEMENTS = [
  ['auto', 'Auto'],
  ['top', 'Top'],
  ['right', 'Right'],
  ['bottom', 'Bottom'],
  ['left', 'Left'],
] as const;

export const ALIGNMENTS = [
  ['start', 'Start'],
  ['center', 'Centre'],
  ['end', 'End'],
] as const;

export const MARKDOWN_HINT = '**bold**, *italic*, [link](https://…), "- " lists; a blank line starts a paragraph.';

export function webUrlProblem(value: string): string | null {
  return /^https?:\/\/[^\s/]+\.?[^\s]*$/i.test(value.trim()) ? null : 'Enter a full address starting with https:// (or http://).';
}
