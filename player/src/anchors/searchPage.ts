import { RECOVER_THRESHOLD } from '../../../shared/anchors/compareFingerprints';
import type { Fingerprint } from '../../../shared/anchors/fingerprintTypes';
import { shown } from './describeElement';
import { pickCandidate } from './pickCandidate';

/** What the page search found: the element, or nothing (and whether because several looked alike). */
export interface SearchResult {
  found: Element | null;
  score: number;
  ambiguous: boolean;
}

/** Elements with this tag in the document and in open shadow roots below it. */
function sameTag(root: Document | ShadowRoot, tag: string, into: Element[]): Element[] {
  into.push(...root.querySelectorAll(tag));
  for (const host of root.querySelectorAll('*')) if (host.shadowRoot) sameTag(host.shadowRoot, tag, into);
  return into;
}

/**
 * Looks through the page for the element the fingerprint describes, when no selector found it:
 * visible elements of the same tag, the best that scores at least RECOVER_THRESHOLD and leads the
 * runner-up by RECOVER_MARGIN. Loaded lazily, only after a selector missed or disagreed.
 */
export function searchPage(document: Document, fingerprint: Fingerprint): SearchResult {
  const candidates = sameTag(document, CSS.escape(fingerprint.tag), []).filter((element) => element.getClientRects().length > 0 && shown(element));
  const pick = pickCandidate(fingerprint, candidates, RECOVER_THRESHOLD);
  return { found: pick.index >= 0 ? candidates[pick.index]! : null, score: pick.score, ambiguous: pick.ambiguous };
}
