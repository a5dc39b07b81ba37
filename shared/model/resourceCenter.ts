import { z } from 'zod';
import { idSchema } from './ids';
import { localizedTextSchema } from './localizedText';
import { targetingSchema } from './targeting';
import { stableObject } from './stableObject';

/**
 * The resource center: a launcher that opens a panel of ordered sections (guides to start, help
 * articles, search, announcements, a way to reach a person). Each section has its own targeting,
 * so a page shows only the sections meant for it.
 *
 * Article images travel inside the bundle as data URLs (one file to deploy, no image hosting, and
 * the player's CSP needs only `img-src data:`), capped per image so a bundle stays small enough to
 * load with the page. The project keeps each image as a file in its `images/` folder, named by its
 * hash like screenshots (never base64 in the project's JSON); export inlines it.
 */

/** The largest article image, in bytes of the image file (its data URL is about a third longer). */
export const MAX_ARTICLE_IMAGE_BYTES = 256 * 1024;
export const MAX_ARTICLE_IMAGES = 100;

const optionalUrl = (what: string) =>
  z
    .string()
    .max(2_000)
    .regex(/^https?:\/\//i, `must start with http:// or https:// (${what})`)
    .optional();

/** An image as the project keeps it: a file of the project's images folder. */
export const articleImageSchema = stableObject({
  id: idSchema,
  file: z.string().regex(/^[0-9a-f]{64}\.(png|jpg|webp)$/, 'must be an image file of the project (its SHA-256 and .png, .jpg or .webp)'),
  bytes: z.number().int().min(1),
  /** Read aloud by screen readers and shown when the image cannot be. */
  alt: localizedTextSchema.default({}),
});
export type ArticleImage = z.infer<typeof articleImageSchema>;

/** An image as the bundle carries it: inline, capped (see MAX_ARTICLE_IMAGE_BYTES). */
export const bundleArticleImageSchema = stableObject({
  id: idSchema,
  src: z
    .string()
    .max(Math.ceil(MAX_ARTICLE_IMAGE_BYTES / 3) * 4 + 30, `is larger than ${MAX_ARTICLE_IMAGE_BYTES / 1024} kB`)
    .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+={0,2}$/, 'must be a PNG, JPEG or WebP data URL (data:image/png;base64,...)'),
  alt: localizedTextSchema.default({}),
});
export type BundleArticleImage = z.infer<typeof bundleArticleImageSchema>;

/** A help article. Its body is the player's safe markdown subset; a line `![](image:<id>)` shows one of the resource center's images there. */
export const articleSchema = stableObject({
  id: idSchema,
  title: localizedTextSchema.default({}),
  body: localizedTextSchema.default({}),
  /** Other articles of the same resource center, by id, offered at the end. */
  related: z.array(idSchema).max(20, 'may list at most 20 related articles').default([]),
});
export type Article = z.infer<typeof articleSchema>;

export const guideItemSchema = stableObject({
  /** A tour or checklist of the same project, started from the panel. */
  flowId: idSchema,
  title: localizedTextSchema.default({}),
  description: localizedTextSchema.default({}),
});
export type GuideItem = z.infer<typeof guideItemSchema>;

export const announcementSchema = stableObject({
  id: idSchema,
  /** The day it was published, shown with it; newest first. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-03-01'),
  title: localizedTextSchema.default({}),
  body: localizedTextSchema.default({}),
});
export type Announcement = z.infer<typeof announcementSchema>;

const sectionShape = {
  id: idSchema,
  title: localizedTextSchema.default({}),
  /** Which pages and users see this section; no rule: wherever the resource center shows. */
  targeting: targetingSchema.prefault({}),
};

export const resourceCenterSectionSchema = z.discriminatedUnion('kind', [
  stableObject({ ...sectionShape, kind: z.literal('guides'), items: z.array(guideItemSchema).default([]) }),
  stableObject({ ...sectionShape, kind: z.literal('articles'), articles: z.array(articleSchema).default([]) }),
  /** Searches the articles and guides of every section shown on the page. */
  stableObject({ ...sectionShape, kind: z.literal('search') }),
  stableObject({
    ...sectionShape,
    kind: z.literal('announcements'),
    items: z.array(announcementSchema).default([]),
    /** Opens the panel on a page load when there is an announcement the user has not read. */
    autoOpen: z.boolean().default(false),
  }),
  stableObject({
    ...sectionShape,
    kind: z.literal('contact'),
    email: z.string().max(320).regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an e-mail address like help@example.com').optional(),
    /** A chat or ticket form. */
    url: optionalUrl('a chat or ticket form'),
    urlLabel: localizedTextSchema.default({}),
    phone: z.string().max(40).regex(/^\+?[0-9 ()./-]+$/, 'may hold only digits, spaces, + ( ) . / -').optional(),
    hours: localizedTextSchema.default({}),
  }),
]);
export type ResourceCenterSection = z.infer<typeof resourceCenterSectionSchema>;
export type SectionKind = ResourceCenterSection['kind'];

/** The texts of the panel itself (not of a section), localized like everything else. */
export const resourceCenterLabelsSchema = stableObject({
    title: localizedTextSchema.default({}),
    searchPlaceholder: localizedTextSchema.default({}),
    noResults: localizedTextSchema.default({}),
    helpful: localizedTextSchema.default({}),
    yes: localizedTextSchema.default({}),
    no: localizedTextSchema.default({}),
    commentPrompt: localizedTextSchema.default({}),
    send: localizedTextSchema.default({}),
    thanks: localizedTextSchema.default({}),
    back: localizedTextSchema.default({}),
    contact: localizedTextSchema.default({}),
    related: localizedTextSchema.default({}),
    /** "{count}" is replaced by the number of results. */
    results: localizedTextSchema.default({}),
    oneResult: localizedTextSchema.default({}),
    /** Read after a guide the user has completed. */
    done: localizedTextSchema.default({}),
    close: localizedTextSchema.default({}),
  })
  .prefault({});

const bodies = new WeakMap<z.ZodType, z.ZodType>();

/** One schema per image schema (the same object each call), so the player's check generator can recognise it. */
export function resourceCenterBodySchemaFor<I extends z.ZodType>(image: I) {
  const made = bodies.get(image) as ReturnType<typeof makeBodySchema<I>> | undefined;
  if (made) return made;
  const schema = makeBodySchema(image);
  bodies.set(image, schema);
  return schema;
}

function makeBodySchema<I extends z.ZodType>(image: I) {
  return stableObject({
    launcher: stableObject({
        /** A round button in the corner, or a tab on the screen's edge. */
        style: z.enum(['button', 'tab']).default('button'),
        position: z.enum(['bottom-right', 'bottom-left', 'top-right', 'top-left']).default('bottom-right'),
        label: localizedTextSchema.default({}),
        icon: z.enum(['help', 'book', 'chat', 'megaphone', 'none']).default('help'),
      })
      .prefault({}),
    labels: resourceCenterLabelsSchema,
    sections: z.array(resourceCenterSectionSchema).max(20, 'may hold at most 20 sections').default([]),
    images: z.array(image).max(MAX_ARTICLE_IMAGES, `may hold at most ${MAX_ARTICLE_IMAGES} images`).default([]),
  });
}

export const resourceCenterBodySchema = resourceCenterBodySchemaFor(articleImageSchema);
export type ResourceCenterBody = z.infer<typeof resourceCenterBodySchema>;
export const bundleResourceCenterBodySchema = resourceCenterBodySchemaFor(bundleArticleImageSchema);
export type BundleResourceCenterBody = z.infer<typeof bundleResourceCenterBodySchema>;

/** The image ids an article body shows, in order (`![](image:<id>)` on a line of its own). */
export function articleImageRefs(body: string): string[] {
  return [...body.matchAll(/^!\[\]\(image:([A-Za-z0-9_-]+)\)$/gm)].map((match) => match[1]!);
}
