import { z } from 'zod';
import type { MappedElement } from '../../shared/model/screen';
import { fingerprintSchema } from '../../shared/model/fingerprint';
import { mappedElementSchema } from '../../shared/model/screen';
import { storeElement } from '../../shared/project/storedElementMap';

/** More than this is not a map an author can use, and keeps project files small. */
export const MAX_MAPPED_ELEMENTS = 6_000;
/**
 * What one capture may add to project.json, as compact JSON in the form the file stores it
 * (shared/project/storedElementMap.ts: about 200 B an element on a 5,000-element page). The page
 * is not trusted: without a budget, 6,000 elements with long selectors add tens of MB to the file.
 */
export const MAX_ELEMENT_MAP_BYTES = 1024 * 1024;
/** The in-page script's selectors stay far below this (attribute values up to 200 characters, plus a frame or shadow prefix). */
export const MAX_SELECTOR_CHARS = 500;
/** The in-page script shortens names to 80 characters. */
export const MAX_NAME_CHARS = 120;
export const MAX_ALTERNATES = 2;

const pageElementMapSchema = z.object({
  elements: z.array(z.unknown()).max(MAX_MAPPED_ELEMENTS),
  truncated: z.boolean(),
  crossOriginFrames: z.number().int().min(0),
  title: z.string().max(500),
  ms: z.number(),
});

export interface CheckedElementMap {
  elements: MappedElement[];
  title: string;
  notices: string[];
  ms: number;
}

/**
 * The map comes back from the captured page, which may have changed the built-ins the script
 * relies on: every entry is checked, bad ones are dropped and counted, boxes are kept on the image.
 */
export function checkPageElementMap(raw: unknown, image: { width: number; height: number }): CheckedElementMap {
  const parsed = pageElementMapSchema.safeParse(raw);
  if (!parsed.success) return { elements: [], title: '', notices: ['The page returned no usable element map; you can still draw boxes and type selectors.'], ms: 0 };
  const elements: MappedElement[] = [];
  const cut = { malformed: 0, longSelector: 0, alternates: 0, names: 0, overBudget: 0, fingerprints: 0 };
  let bytes = 2; // the array's brackets
  /** By the page's index: the id kept for it, or (left out) the id of its nearest kept ancestor. */
  const keptIds: (string | undefined)[] = [];
  const keptById = new Map<string, MappedElement>();
  for (const [index, entry] of parsed.data.elements.entries()) {
    const { parent, fingerprint, ...rest } = (entry && typeof entry === 'object' ? entry : {}) as { parent?: unknown; fingerprint?: unknown };
    // The page lists ancestors first; anything else is not a tree and is ignored.
    const parentId = typeof parent === 'number' && Number.isInteger(parent) && parent >= 0 && parent < index ? keptIds[parent] : undefined;
    keptIds.push(parentId);
    const checkedFingerprint = fingerprint === undefined ? undefined : fingerprintSchema.safeParse(fingerprint);
    if (checkedFingerprint && !checkedFingerprint.success) cut.fingerprints++;
    const element = mappedElementSchema.safeParse({
      ...rest,
      id: `e${elements.length + 1}`,
      ...(parentId ? { parentId } : {}),
      ...(checkedFingerprint?.success ? { fingerprint: checkedFingerprint.data } : {}),
    });
    if (!element.success) {
      cut.malformed++;
      continue;
    }
    const { box, selector, alternates, name } = element.data;
    // A selector cannot be shortened and still mean the same: the element goes.
    if (selector.length > MAX_SELECTOR_CHARS) {
      cut.longSelector++;
      continue;
    }
    const x = Math.min(Math.max(0, box.x), image.width);
    const y = Math.min(Math.max(0, box.y), image.height);
    const width = Math.min(box.width, image.width - x);
    const height = Math.min(box.height, image.height - y);
    if (width < 1 || height < 1) continue;
    const keptAlternates = alternates.filter((alternate) => alternate.length <= MAX_SELECTOR_CHARS).slice(0, MAX_ALTERNATES);
    const shortName = name !== undefined && name.length > MAX_NAME_CHARS ? `${name.slice(0, MAX_NAME_CHARS - 1)}…` : name;
    const kept: MappedElement = { ...element.data, box: { x, y, width, height }, alternates: keptAlternates, ...(shortName !== undefined ? { name: shortName } : {}) };
    // Elements come in page order, so keeping a prefix keeps the top of the page.
    const size = Buffer.byteLength(JSON.stringify(storeElement(kept, kept.parentId ? keptById.get(kept.parentId) : undefined))) + (elements.length ? 1 : 0);
    // Once the budget is reached every later element is left out, so what is kept is a true prefix.
    if (cut.overBudget > 0 || bytes + size > MAX_ELEMENT_MAP_BYTES) {
      cut.overBudget++;
      continue;
    }
    bytes += size;
    cut.alternates += alternates.length - keptAlternates.length;
    if (shortName !== name) cut.names++;
    elements.push(kept);
    keptIds[index] = kept.id;
    keptById.set(kept.id, kept);
  }
  const notices: string[] = [];
  if (parsed.data.truncated) notices.push(`The page has more than ${MAX_MAPPED_ELEMENTS.toLocaleString('en')} elements worth mapping; the first ${MAX_MAPPED_ELEMENTS.toLocaleString('en')} were kept.`);
  if (parsed.data.crossOriginFrames) {
    notices.push(`${parsed.data.crossOriginFrames} embedded frame(s) come from another site; their contents cannot be mapped (type a selector for them by hand).`);
  }
  if (cut.malformed) notices.push(`${cut.malformed.toLocaleString('en')} element(s) came back malformed from the page and were left out.`);
  if (cut.longSelector) notices.push(`${cut.longSelector.toLocaleString('en')} element(s) had a selector longer than ${MAX_SELECTOR_CHARS} characters and were left out.`);
  if (cut.alternates) notices.push(`${cut.alternates.toLocaleString('en')} alternate selector(s) longer than ${MAX_SELECTOR_CHARS} characters were left out.`);
  if (cut.fingerprints) notices.push(`${cut.fingerprints.toLocaleString('en')} element(s) came back with a malformed fingerprint; they were kept without one (the player relies on their selectors alone).`);
  if (cut.names) notices.push(`${cut.names.toLocaleString('en')} element name(s) longer than ${MAX_NAME_CHARS} characters were shortened.`);
  if (cut.overBudget) {
    notices.push(`The element map reached its ${MAX_ELEMENT_MAP_BYTES / 1024 / 1024} MB budget; the last ${cut.overBudget.toLocaleString('en')} element(s) were left out (draw boxes or type selectors for them).`);
  }
  return { elements, title: parsed.data.title, notices, ms: parsed.data.ms };
}
