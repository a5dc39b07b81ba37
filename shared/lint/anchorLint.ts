import { compareFingerprints, RECOVER_MARGIN, RECOVER_THRESHOLD, VERIFY_THRESHOLD } from '../anchors/compareFingerprints';
import type { Anchor } from '../model/anchor';
import { overlapRatio } from '../model/geometry';
import type { MappedElement, Screen } from '../model/screen';
import type { LintProblem } from './lintProblem';
import { isStableSelector, selectorFragility } from './selectorFragility';

/**
 * Lint of one anchor's selectors against its screen's element map, without a DOM. Capture makes
 * every selector of a map entry match exactly that element on the captured page, so an anchor
 * whose first selector belongs to another entry points at that other element there; a selector
 * that counts positions or leans on utility classes or generated ids is fragile whatever the map
 * says. Each warning offers the picked element's steadiest selector from the map, if it has one.
 */

export type AnchorProblem = Pick<LintProblem, 'severity' | 'code' | 'message' | 'fix'>;

/** Which map entries each selector (first or alternate) belongs to; built once per captured map. */
const indexes = new WeakMap<readonly MappedElement[], Map<string, MappedElement[]>>();

function selectorIndex(elements: readonly MappedElement[]): Map<string, MappedElement[]> {
  let index = indexes.get(elements);
  if (!index) {
    index = new Map();
    for (const element of elements) {
      for (const selector of new Set([element.selector, ...element.alternates])) {
        const owners = index.get(selector);
        if (owners) owners.push(element);
        else index.set(selector, [element]);
      }
    }
    indexes.set(elements, index);
  }
  return index;
}

/** The entry each anchor was picked on, per map (anchors and maps are immutable: a change makes new objects). */
const picks = new WeakMap<Anchor, { elements: readonly MappedElement[]; picked: MappedElement | 'gone' }>();

const selectorsOf = (element: MappedElement) => [element.selector, ...element.alternates];
const PLAIN_TAG = /^[a-z][a-z0-9-]*$/i;

/** The map entries a selector picks on the captured page: its owners, or every element of that tag for a bare tag. */
function matchesOnMap(selector: string, elements: readonly MappedElement[]): MappedElement[] {
  if (PLAIN_TAG.test(selector)) return elements.filter((element) => element.tag === selector.toLowerCase());
  return selectorIndex(elements).get(selector) ?? [];
}


/** Whether a map entry is still the element the anchor was picked on (the map may have been captured again since). */
function isSameElement(anchor: Anchor, element: MappedElement): boolean {
  // The very fingerprint it was picked with (a bare element may score low even against itself), or one that agrees.
  if (anchor.fingerprint && element.fingerprint) return JSON.stringify(anchor.fingerprint) === JSON.stringify(element.fingerprint) || compareFingerprints(anchor.fingerprint, element.fingerprint) >= VERIFY_THRESHOLD;
  if (anchor.selectors.some((selector) => selectorsOf(element).includes(selector))) return true;
  return !anchor.box || overlapRatio(anchor.box, element.box) >= 0.8;
}

/** The element of its screen's map an anchor points at, checked as lint checks it (the map may be a newer capture); null when unknown or gone. */
export function anchoredElement(anchor: Anchor, screen: Screen | undefined): MappedElement | null {
  const picked = screen?.elements.length ? pickedElement(anchor, screen.elements) : null;
  return picked === 'gone' ? null : picked;
}

/**
 * The map entry the anchor was picked on: by its id when that entry is still the same element,
 * else (after a new capture) the entry its fingerprint clearly matches, or, without a fingerprint,
 * one that answers to a stable selector of the anchor (or to a positional one, in the same place).
 * Null when the anchor names no entry; 'gone' when it names one that cannot be found any more.
 */
function pickedElement(anchor: Anchor, elements: readonly MappedElement[]): MappedElement | 'gone' | null {
  if (!anchor.elementId) return null;
  // Lint runs after every pause in editing: a search of a large map is done once per anchor and map.
  const cached = picks.get(anchor);
  if (cached?.elements === elements) return cached.picked;
  const picked = searchPicked(anchor, anchor.elementId, elements);
  picks.set(anchor, { elements, picked });
  return picked;
}

function searchPicked(anchor: Anchor, elementId: string, elements: readonly MappedElement[]): MappedElement | 'gone' {
  const byId = elements.find((element) => element.id === elementId);
  if (byId && isSameElement(anchor, byId)) return byId;
  if (anchor.fingerprint) {
    const recorded = anchor.fingerprint;
    // Usually a stable selector still names it: one lookup, then the whole map only if not.
    const index = selectorIndex(elements);
    for (const selector of anchor.selectors) {
      const owners = index.get(selector) ?? [];
      const owner = owners.length === 1 ? owners[0]! : undefined;
      if (owner?.fingerprint && compareFingerprints(recorded, owner.fingerprint) >= RECOVER_THRESHOLD) return owner;
    }
    let best: { element: MappedElement; score: number } | null = null;
    let next = 0;
    for (const element of elements) {
      if (element.fingerprint?.tag !== recorded.tag) continue;
      const score = compareFingerprints(recorded, element.fingerprint);
      if (!best || score > best.score) {
        next = best?.score ?? 0;
        best = { element, score };
      } else next = Math.max(next, score);
    }
    return best && best.score >= RECOVER_THRESHOLD && best.score - next >= RECOVER_MARGIN ? best.element : 'gone';
  }
  // Without a fingerprint: an entry that answers to one of its stable selectors, or to a positional one in about the same place.
  const shares = (element: MappedElement, stable: boolean) => anchor.selectors.some((selector) => isStableSelector(selector) === stable && selectorsOf(element).includes(selector));
  const moved = elements.find((element) => shares(element, true)) ?? elements.find((element) => shares(element, false) && (!anchor.box || overlapRatio(anchor.box, element.box) >= 0.5));
  return moved ?? 'gone';
}

/** The picked element's steadiest selector from the map: nothing fragile, and no other entry answers to it. */
export function betterSelector(picked: MappedElement, elements: readonly MappedElement[], instead: string): string | null {
  return selectorsOf(picked).find((selector) => selector !== instead && isStableSelector(selector) && matchesOnMap(selector, elements).every((owner) => owner === picked)) ?? null;
}

/**
 * The anchor's selectors once `better` leads: the others stay as fallbacks, except those that on
 * the map belong to another element (they would point at it); at most 5.
 */
export function fixedSelectors(anchor: Anchor, screen: Screen | undefined, better: string, elementId: string): string[] {
  const elements = screen?.elements ?? [];
  const elsewhere = (selector: string) => matchesOnMap(selector, elements).some((owner) => owner.id !== elementId);
  return [better, ...anchor.selectors.filter((selector) => selector !== better && !elsewhere(selector))].slice(0, 5);
}

function describe(element: MappedElement): string {
  const name = element.name?.trim();
  const kind = element.role ?? element.tag;
  return name ? `“${name.length > 40 ? `${name.slice(0, 40)}…` : name}”${kind ? ` (${kind})` : ''}` : `the ${kind || 'element'} at ${Math.round(element.box.x)}, ${Math.round(element.box.y)}`;
}

const useInstead = (better: string | null) => (better ? ` Use "${better}" from the screen's map instead.` : '');

export function anchorSelectorProblems(anchor: Anchor, screen: Screen | undefined, where: string): AnchorProblem[] {
  const problems: AnchorProblem[] = [];
  const primary = anchor.selectors[0]!;
  const elements = screen?.elements ?? [];
  const picked = elements.length ? pickedElement(anchor, elements) : null;
  const found = picked && picked !== 'gone' ? picked : null;
  const better = found ? betterSelector(found, elements, primary) : null;
  const fix = better && found ? { fix: { kind: 'useSelector' as const, selector: better, elementId: found.id } } : {};
  const matches = matchesOnMap(primary, elements);
  const others = matches.filter((element) => element !== found);

  if (picked === 'gone') {
    problems.push({
      severity: 'warning',
      code: others.length ? 'wrongElement' : 'elementGone',
      message: others.length
        ? `${where}: the element it was anchored to is not on the latest capture of “${screen!.name}”, and its selector "${primary}" matches ${describe(others[0]!)} there instead. Pick the element again on the canvas.`
        : `${where}: the element it was anchored to is not on the latest capture of “${screen!.name}”. Pick it again on the canvas, so its preview and selectors are current.`,
    });
  } else if (found && others.length && !matches.includes(found)) {
    problems.push({
      severity: 'warning',
      code: 'wrongElement',
      message: `${where}: on “${screen!.name}” the selector "${primary}" matches ${describe(others[0]!)}, not the element it was anchored to, ${describe(found)}.${useInstead(better) || ' Pick the element again on the canvas.'}`,
      ...fix,
    });
  } else if (matches.length > 1) {
    const named = found ? ` (${others.slice(0, 2).map(describe).join(', ')}${others.length > 2 ? '…' : ''} as well as the one picked)` : '';
    problems.push({
      severity: 'warning',
      code: 'ambiguousSelector',
      message: `${where}: the selector "${primary}" matches ${matches.length} elements on the captured screen${named}; the player takes the first visible one.${useInstead(better)}`,
      ...fix,
    });
  }

  // An anchor pointing at the wrong element must be re-pointed anyway: one warning is enough.
  const fragility = selectorFragility(primary);
  if (!problems.some((problem) => problem.code === 'wrongElement') && (fragility.hard.length || (fragility.soft.length && better))) {
    const reasons = [...fragility.hard, ...fragility.soft].join('; ');
    // With a fingerprint the player checks what a selector finds, so the risk is a search or a miss, not a wrong element.
    const risk = anchor.fingerprint ? ' After a release the player may have to search for it by its fingerprint, or report it missing.' : ' After a release it may point at another element.';
    const advice = better ? useInstead(better) : found ? ' The screen\'s map has no steadier selector for it: give the element a data-testid on your site, then capture the screen again.' : '';
    problems.push({ severity: 'warning', code: 'fragileSelector', message: `${where}: the selector "${primary}" is fragile: ${reasons}.${risk}${advice}`, ...fix });
  }

  // Found on a new capture under another id or elsewhere: the canvas and the preview still show the old place.
  const moved = found && (found.id !== anchor.elementId || (anchor.box && overlapRatio(anchor.box, found.box) < 0.9));
  if (found && moved && !problems.some((problem) => problem.fix)) {
    problems.push({
      severity: 'warning',
      code: 'anchorMoved',
      message: `${where}: on the latest capture of “${screen!.name}” its element, ${describe(found)}, is somewhere else; update the anchor so the canvas and the preview show it there.`,
      fix: { kind: 'repick', elementId: found.id },
    });
  } else if (found && found.id === anchor.elementId && found.fingerprint && !anchor.fingerprint) {
    problems.push({
      severity: 'warning',
      code: 'noFingerprint',
      message: `${where}: its anchor has no fingerprint, so the player cannot check that it found the right element. Pick it again on the canvas, or copy the fingerprint from the screen's map.`,
      fix: { kind: 'copyFingerprint', elementId: found.id },
    });
  }
  return problems;
}
