import type { Anchor } from '../../../shared/model/anchor';
import type { MappedElement } from '../../../shared/model/screen';

/**
 * The anchor for a mapped element the author picked: its selectors in order (the preferred one
 * first), its box on the screenshot, and the fingerprint capture recorded, which the player uses
 * to tell the right element from a lookalike after the next release. Every way of picking an
 * element (click, breadcrumb, keys) makes its anchor here, so none forgets the fingerprint.
 */
export function anchorFromElement(screenId: string, element: MappedElement): Anchor {
  return {
    screenId,
    elementId: element.id,
    selectors: [element.selector, ...element.alternates].slice(0, 5),
    box: { ...element.box },
    ...(element.fingerprint ? { fingerprint: structuredClone(element.fingerprint) } : {}),
  };
}
