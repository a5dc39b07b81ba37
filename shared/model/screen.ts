import { z } from 'zod';
import { fingerprintSchema } from './fingerprint';
import { boxSchema } from './geometry';
import { idSchema } from './ids';
import { recordedPathSchema } from './recordedPath';
import { stableObject } from './stableObject';

/** One visible, meaningful element of a captured page. */
export const mappedElementSchema = stableObject({
  id: z.string().min(1).max(64),
  box: boxSchema,
  tag: z.string().max(64),
  role: z.string().max(64).optional(),
  /** Accessible name or trimmed text, for people: "Create invoice". */
  name: z.string().max(500).optional(),
  /** The preferred selector, made to prefer stable attributes (test ids, ids, aria-label, name). */
  selector: z.string().min(1).max(2_000),
  alternates: z.array(z.string().min(1).max(2_000)).max(3).default([]),
  /** Set when the element lives where `querySelector` from the document cannot reach it directly. */
  context: z.enum(['document', 'shadow', 'iframe']).default('document'),
  /** The nearest mapped ancestor, so picking can go up and down the tree ("the card", "the number in the card"). */
  parentId: z.string().min(1).max(64).optional(),
  /** What the element was, so the player can tell it from a lookalike after the next release. */
  fingerprint: fingerprintSchema.optional(),
});
export type MappedElement = z.infer<typeof mappedElementSchema>;

/** The screenshot file inside the project's images folder, named by the hash of its bytes. */
export const screenImageSchema = stableObject({
  file: z.string().regex(/^[0-9a-f]{64}\.(png|jpg|webp)$/, 'must be an image file named by its SHA-256 hash'),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type ScreenImage = z.infer<typeof screenImageSchema>;

export const viewportSchema = stableObject({
  width: z.number().int().min(200).max(7_680),
  height: z.number().int().min(200).max(7_680),
});
export type Viewport = z.infer<typeof viewportSchema>;

export const screenSourceSchema = z.discriminatedUnion('kind', [
  stableObject({
    kind: z.literal('url'),
    url: z.string().url(),
    viewport: viewportSchema,
    deviceScaleFactor: z.number().min(0.5).max(4).default(1),
    fullPage: z.boolean().default(false),
    /** How the author reached this state from a page load (clicks, typing), replayed by re-capture and the flow check. */
    path: recordedPathSchema.optional(),
  }),
  stableObject({ kind: z.literal('image'), originalName: z.string().max(500) }),
]);
export type ScreenSource = z.infer<typeof screenSourceSchema>;

/** A screenshot of the customer's product plus its element map: what flows are authored on. */
export const screenSchema = stableObject({
  id: idSchema,
  name: z.string().max(200),
  image: screenImageSchema,
  source: screenSourceSchema,
  elements: z.array(mappedElementSchema).default([]),
  capturedAt: z.string().datetime({ offset: true }).optional(),
});
export type Screen = z.infer<typeof screenSchema>;
