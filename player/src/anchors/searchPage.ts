import { RECOVER_MARGIN, RECOVER_THRESHOLD } from '../../../shared/anchors/compareFingerprints';
import { scoreCeiling } from '../../../shared/anchors/scoreCeiling';
import type { Fingerprint } from '../../../shared/anchors/fingerprintTypes';
import { recordedAttribute, shown } from './describeElement';
import { pickCandidate } from './pickCandidate';

/** What the page search found: the element, or nothing (and whether because several looked alike). */
export interface SearchResult {
  found: Element | null;
  score: number;
  ambiguous: boolean;
}

/** Elements with this tag in the document and in open shadow roots below it (by tag name: the tag is never parsed as CSS). */
function sameTag(root: Document | ShadowRoot, tag: string, into: Element[]): Element[] {
  const all = root.querySelectorAll('*');
  if ('getElementsByTagName' in root) into.push(...root.getElementsByTagName(tag));
  for (const element of all) {
    if (root.nodeType !== 9 && element.localName === tag) into.push(element);
    if (element.shadowRoot) sameTag(element.shadowRoot, tag, into);
  }
  return into;
}

/**
 * Looks through the page for the element the fingerprint describes, when no selector found it:
 * visible elements of the same tag, the best that scores at least RECOVER_THRESHOLD and leads the
 * runner-up by RECOVER_MARGIN. Loaded lazily, only after a selector missed or disagreed.
 */
export function searchPage(document: Document, fingerprint: Fingerprint): SearchResult {
  if (!fingerprint.tag) return { found: null, score: 0, ambiguous: false };
  // Only candidates that could come within the margin of the threshold are worth describing,
  // the likeliest first, so a page of lookalikes is known to be ambiguous early.
  const floor = RECOVER_THRESHOLD - RECOVER_MARGIN;
  const ranked = sameTag(document, fingerprint.tag, [])
    .map((element) => ({ element, ceiling: scoreCeiling(fingerprint, (name) => recordedAttribute(element, name), element.textContent ?? '') }))
    .filter(({ element, ceiling }) => ceiling >= floor && element.getClientRects().length > 0 && shown(element))
    .sort((a, b) => b.ceiling - a.ceiling);
  const candidates = ranked.map(({ element }) => element);
  const pick = pickCandidate(fingerprint, candidates, RECOVER_THRESHOLD, false, ranked.map(({ ceiling }) => ceiling));
  return { found: pick.index >= 0 ? candidates[pick.index]! : null, score: pick.score, ambiguous: pick.ambiguous };
}
