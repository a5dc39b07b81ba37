import { z } from 'zod';
import { screenSchema, viewportSchema } from './screen';
import { stableObject } from './stableObject';

/** The viewports authors pick from; "custom" lets them type their own. */
export const VIEWPORT_PRESETS = [
  { id: 'desktop', label: 'Desktop', width: 1440, height: 900 },
  { id: 'laptop', label: 'Laptop', width: 1280, height: 800 },
  { id: 'tablet', label: 'Tablet', width: 768, height: 1024 },
  { id: 'mobile', label: 'Mobile', width: 390, height: 844 },
] as const;

export const DEFAULT_CAPTURE_TIMEOUT_MS = 30_000;

/** Why a URL cannot be captured, in words for the author; null when it can. */
export function captureUrlProblem(url: string): string | null {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme && scheme !== 'http' && scheme !== 'https' && !/^[^/]+:\d+/.test(url)) {
    return `${scheme}: addresses cannot be captured; only http and https pages can`;
  }
  if (!scheme || !webAddress.safeParse(url).success) return `"${url.slice(0, 200)}" is not a web address; enter one like https://app.example.com`;
  return null;
}
const webAddress = z.url({ protocol: /^https?$/ });

/** An http(s) address an author typed, with the reason in words when it cannot be captured. */
export function captureUrlSchema(emptyMessage: string) {
  return z
    .string()
    .trim()
    .min(1, emptyMessage)
    .max(4_096, 'is longer than 4,096 characters')
    .superRefine((url, context) => {
      const problem = captureUrlProblem(url);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    });
}

export const captureRequestSchema = stableObject({
    url: captureUrlSchema('enter the address of the page to capture'),
    viewport: viewportSchema,
    deviceScaleFactor: z.number().min(1).max(3).default(1),
    fullPage: z.boolean().default(false),
    /** Web host: capture once this CSS selector is visible. */
    waitForSelector: z.string().trim().max(1_000).optional(),
    /** Web host: then wait this long (for animations, lazy content). */
    waitMs: z.number().int().min(0).max(60_000).default(0),
    timeoutMs: z.number().int().min(1_000).max(120_000).default(DEFAULT_CAPTURE_TIMEOUT_MS),
  })
  .strict();
export type CaptureRequest = z.infer<typeof captureRequestSchema>;
export type CaptureRequestInput = z.input<typeof captureRequestSchema>;

export const CAPTURE_STAGES = ['starting', 'loading', 'ready', 'waiting', 'screenshot', 'mapping', 'saving', 'done', 'failed', 'cancelled'] as const;
export type CaptureStage = (typeof CAPTURE_STAGES)[number];

export const captureStatusSchema = stableObject({
  jobId: z.string(),
  stage: z.enum(CAPTURE_STAGES),
  /** Things the author should know that did not stop the capture: a dismissed alert, a closed popup. */
  notices: z.array(z.string()),
  /** Set when stage is "done": the new screen, its image already in the project's images folder. */
  screen: screenSchema.optional(),
  /** Set when stage is "failed". */
  error: z.string().optional(),
});
export type CaptureStatus = z.infer<typeof captureStatusSchema>;

export function isFinalStage(stage: CaptureStage): boolean {
  return stage === 'done' || stage === 'failed' || stage === 'cancelled';
}
