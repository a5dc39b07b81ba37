import type { SectionKind } from '../../../shared/model/resourceCenter';

/** What each kind of section is called in the editor, and what its rows are. */
export const SECTION_KINDS: ReadonlyArray<{ kind: SectionKind; label: string; rowNoun: string | null; hint: string }> = [
  { kind: 'articles', label: 'Help articles', rowNoun: 'article', hint: 'Articles people read and search, with pictures' },
  { kind: 'guides', label: 'Guides', rowNoun: 'guide', hint: 'Tours and checklists to start, marked done per user' },
  { kind: 'search', label: 'Search', rowNoun: null, hint: 'A search box over the articles and guides' },
  { kind: 'announcements', label: 'Announcements', rowNoun: 'announcement', hint: 'Dated “what’s new” entries with an unread count' },
  { kind: 'contact', label: 'Contact', rowNoun: null, hint: 'E-mail, chat or ticket link, phone, opening hours' },
];

export function sectionKindLabel(kind: SectionKind): string {
  return SECTION_KINDS.find((entry) => entry.kind === kind)!.label;
}

export function rowNoun(kind: SectionKind): string | null {
  return SECTION_KINDS.find((entry) => entry.kind === kind)!.rowNoun;
}
