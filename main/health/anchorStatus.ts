import { z } from 'zod';
import { MOVED_TOLERANCE_CSS_PX, type AnchorResult, type PlannedAnchor } from '../../shared/health/flowHealth';
import { fingerprintSchema } from '../../shared/model/fingerprint';
import type { Box } from '../../shared/model/geometry';
import type { MappedElement } from '../../shared/model/screen';

const missReasonSchema = z.enum(['noMatch', 'mismatch', 'ambiguous', 'hidden']);
const cssBoxSchema = z.object({ x: z.number().finite(), y: z.number().finite(), width: z.number().finite().nonnegative(), height: z.number().finite().nonnegative() });

/**
 * What the in-page check (main/health/inPage/checkAnchors.ts) answers. It comes from the checked
 * page, which is not trusted (it may have replaced the built-ins the script uses): checked here.
 */
export const inPageAnchorResultSchema = z.union([
  z.object({
    found: z.literal(true),
    foundBy: z.enum(['selector', 'alternate', 'fingerprint']),
    selectorIndex: z.number().int().min(0).max(4).optional(),
    score: z.number().min(0).max(1).optional(),
    box: cssBoxSchema,
    firstSelector: missReasonSchema.optional(),
    fresh: z.object({ selectors: z.array(z.string().min(1).max(2_000)).min(1).max(5), fingerprint: fingerprintSchema }).optional(),
  }),
  z.object({ found: z.literal(false), reason: missReasonSchema, other: z.string().max(200).optional() }),
]);
export type InPageAnchorResult = z.infer<typeof inPageAnchorResultSchema>;

export const inPageCheckSchema = z.object({
  anchors: z.array(z.unknown()),
  scrollX: z.number().finite(),
  scrollY: z.number().finite(),
  ms: z.number(),
});

/** How the fresh screenshot was taken, to turn document CSS px into its pixels. */
export interface ScreenFrame {
  /** Screenshot pixels per CSS pixel. */
  scale: number;
  /** Full-page screenshots start at the document's origin; viewport ones at the scroll position. */
  fullPage: boolean;
  scrollX: number;
  scrollY: number;
}

/** A document CSS box as a box on the fresh screenshot. */
export function toScreenshotBox(box: Box, frame: ScreenFrame): Box {
  const x = frame.fullPage ? box.x : box.x - frame.scrollX;
  const y = frame.fullPage ? box.y : box.y - frame.scrollY;
  return { x: Math.round(x * frame.scale), y: Math.round(y * frame.scale), width: Math.round(box.width * frame.scale), height: Math.round(box.height * frame.scale) };
}

/** "120 px down and 12 px left", "now 200×40 (was 160×40)", in CSS px; undefined when no edge moved more than the tolerance. */
export function describeMovement(captured: Box, fresh: Box, scale: number): string | undefined {
  const css = (value: number) => Math.round(value / scale);
  const edges = [fresh.x - captured.x, fresh.y - captured.y, fresh.x + fresh.width - (captured.x + captured.width), fresh.y + fresh.height - (captured.y + captured.height)];
  if (edges.every((edge) => Math.abs(edge / scale) <= MOVED_TOLERANCE_CSS_PX)) return undefined;
  const parts: string[] = [];
  const dx = css(fresh.x - captured.x);
  const dy = css(fresh.y - captured.y);
  if (Math.abs(dy) > MOVED_TOLERANCE_CSS_PX) parts.push(`${Math.abs(dy)} px ${dy > 0 ? 'down' : 'up'}`);
  if (Math.abs(dx) > MOVED_TOLERANCE_CSS_PX) parts.push(`${Math.abs(dx)} px ${dx > 0 ? 'right' : 'left'}`);
  const resized = Math.abs(css(fresh.width - captured.width)) > MOVED_TOLERANCE_CSS_PX || Math.abs(css(fresh.height - captured.height)) > MOVED_TOLERANCE_CSS_PX;
  const size = (box: Box) => `${css(box.width)}×${css(box.height)}`;
  return [parts.length ? `it moved ${parts.join(' and ')}` : '', resized ? `it is now ${size(fresh)} (was ${size(captured)})` : ''].filter(Boolean).join('; ') || 'its edges shifted';
}

/** The fresh map's entry for the element found: the same box (within 2 CSS px), the same tag preferred. */
export function mappedAt(elements: readonly MappedElement[], box: Box, tag: string | undefined, scale: number): MappedElement | undefined {
  let best: { element: MappedElement; cost: number } | undefined;
  for (const element of elements) {
    const edges = [element.box.x - box.x, element.box.y - box.y, element.box.width - box.width, element.box.height - box.height].map((edge) => Math.abs(edge) / scale);
    if (edges.some((edge) => edge > 2)) continue;
    const cost = edges.reduce((sum, edge) => sum + edge, 0) + (tag && element.tag !== tag ? 100 : 0);
    if (!best || cost < best.cost) best = { element, cost };
  }
  return best?.element;
}

/** Why the anchor's own selectors no longer do the job, in words for people (the same in the CLI, the app and the report). */
const FIRST_SELECTOR: Record<z.infer<typeof missReasonSchema>, string> = {
  noMatch: 'its main selector finds nothing',
  hidden: 'its main selector finds only hidden elements',
  mismatch: 'its main selector finds a different element',
  ambiguous: 'its main selector finds several lookalikes',
};
const SELECTORS: Record<z.infer<typeof missReasonSchema>, string> = {
  noMatch: 'its selectors no longer find it',
  hidden: 'its selectors find only hidden elements',
  mismatch: 'its selectors now find a different element',
  ambiguous: 'its selectors find several lookalikes',
};

/** Selectors that point by position (as the player's verification treats them): they break when rows or siblings are added. */
const POSITIONAL = /:nth-|:first-|:last-|:only-/;

/** Said when the suggestion has to lean on a position: the page names the element nothing stable. */
export const POSITIONAL_ADVICE = 'the page gives this element no stable name; the player found it by what it looks like; a data-testid on it would make it last';

function missingReason(found: Extract<InPageAnchorResult, { found: false }>, hasFingerprint: boolean): string {
  if (found.reason === 'hidden') return 'only hidden elements match (a closed menu?)';
  if (found.reason === 'mismatch') return `its selectors find a different element (${found.other ?? 'one that does not look like it'})`;
  return hasFingerprint ? 'its selectors find nothing and nothing on the page looks like it' : 'its selectors find nothing (and the step was made before Stepwise remembered what elements look like: pick the element again on a new capture)';
}

/** "found by what it looks like (99 % match); its selectors no longer find it", "found by a fallback selector; its main selector finds nothing". */
function recoveredReason(found: Extract<InPageAnchorResult, { found: true }>): string {
  if (found.foundBy === 'alternate') return `found by a fallback selector${found.firstSelector ? `; ${FIRST_SELECTOR[found.firstSelector]}` : ''}`;
  const match = found.score !== undefined ? ` (${Math.round(found.score * 100)} % match)` : '';
  return `found by what it looks like${match}; ${SELECTORS[found.firstSelector ?? 'noMatch']}`;
}

/**
 * One anchor's status from what the player's matching found on the live page: ok (its first
 * selector, where it was), moved (its first selector, box shifted), changed (an alternate selector
 * or the fingerprint: new selectors suggested), ambiguous, missing (why, in words).
 */
export function classifyAnchor(planned: PlannedAnchor, screenId: string, found: InPageAnchorResult, frame: ScreenFrame, freshMap: readonly MappedElement[]): AnchorResult {
  const base = { flowId: planned.flowId, ...(planned.itemId ? { itemId: planned.itemId } : {}), screenId, label: planned.label };
  if (!found.found) {
    if (found.reason === 'ambiguous') return { ...base, status: 'ambiguous', reason: 'several elements fit it equally well, so the player shows nothing rather than guess' };
    return { ...base, status: 'missing', reason: missingReason(found, Boolean(planned.fingerprint)) };
  }
  const box = toScreenshotBox(found.box, frame);
  const score = found.score !== undefined ? { score: found.score } : {};
  const mapped = mappedAt(freshMap, box, found.fresh?.fingerprint.tag ?? planned.fingerprint?.tag, frame.scale);
  if (found.foundBy === 'selector') {
    const moved = describeMovement(planned.box, box, frame.scale);
    if (!moved) return { ...base, status: 'ok', foundBy: 'selector', ...score, box };
    // Same selectors; the suggestion re-links the anchor to the element on the fresh screen.
    const suggestion = mapped ? { suggestion: { selectors: [...planned.selectors], ...(mapped.fingerprint ? { fingerprint: mapped.fingerprint } : {}), elementId: mapped.id } } : {};
    return { ...base, status: 'moved', reason: moved, foundBy: 'selector', ...score, box, ...suggestion };
  }
  const fresh = found.fresh ?? (mapped ? { selectors: [mapped.selector, ...mapped.alternates].slice(0, 5), ...(mapped.fingerprint ? { fingerprint: mapped.fingerprint } : {}) } : undefined);
  const suggestion = fresh ? { suggestion: { ...fresh, ...(mapped ? { elementId: mapped.id } : {}) } } : {};
  const positional = fresh && POSITIONAL.test(fresh.selectors[0] ?? '') ? `. ${capitalise(POSITIONAL_ADVICE)}` : '';
  return { ...base, status: 'changed', reason: `${recoveredReason(found)}${positional}`, foundBy: found.foundBy, ...score, box, ...suggestion };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
