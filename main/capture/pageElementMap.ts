import { z } from 'zod';
import type { MappedElement } from '../../shared/model/screen';
import { mappedElementSchema } from '../../shared/model/screen';

/** More than this is not a map an author can use, and keeps project files small. */
export const MAX_MAPPED_ELEMENTS = 6_000;

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
  let dropped = 0;
  for (const entry of parsed.data.elements) {
    const element = mappedElementSchema.safeParse({ ...(entry as object), id: `e${elements.length + 1}` });
    if (!element.success) {
      dropped++;
      continue;
    }
    const { box } = element.data;
    const x = Math.min(Math.max(0, box.x), image.width);
    const y = Math.min(Math.max(0, box.y), image.height);
    const width = Math.min(box.width, image.width - x);
    const height = Math.min(box.height, image.height - y);
    if (width < 1 || height < 1) continue;
    elements.push({ ...element.data, box: { x, y, width, height } });
  }
  const notices: string[] = [];
  if (parsed.data.truncated) notices.push(`The page has more than ${MAX_MAPPED_ELEMENTS.toLocaleString('en')} elements worth mapping; the first ${MAX_MAPPED_ELEMENTS.toLocaleString('en')} were kept.`);
  if (parsed.data.crossOriginFrames) {
    notices.push(`${parsed.data.crossOriginFrames} embedded frame(s) come from another site; their contents cannot be mapped (type a selector for them by hand).`);
  }
  if (dropped) notices.push(`${dropped} element(s) came back malformed from the page and were left out.`);
  return { elements, title: parsed.data.title, notices, ms: parsed.data.ms };
}
