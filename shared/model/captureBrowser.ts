import { z } from 'zod';
import { captureUrlSchema } from './capture';
import { idSchema } from './ids';
import { pathSchema } from './pathSchema';
import { recordedPathSchema } from './recordedPath';
import { screenSourceSchema, viewportSchema } from './screen';
import { stableObject } from './stableObject';

/**
 * The live capture browser: a real page the author drives from inside Stepwise (sign in, open a
 * menu, fill a form), streamed as frames, then captured in the state it is in. The web host runs
 * it in headless Chromium; these are the shapes both sides agree on.
 */

const sessionIdSchema = z.string().min(1).max(64);
const webUrlSchema = captureUrlSchema('enter the address of a page');
/** Input modifiers as CDP counts them: Alt 1, Ctrl 2, Meta 4, Shift 8. */
const modifiersSchema = z.number().int().min(0).max(15).default(0);
const coordinate = z.number().min(-10_000).max(100_000);

/** One input event from the streamed view, in CSS pixels of the page's viewport (CDP's Input domain). */
export const browserInputEventSchema = z.discriminatedUnion('type', [
  stableObject({
      type: z.enum(['mouseMoved', 'mousePressed', 'mouseReleased']),
      x: coordinate,
      y: coordinate,
      button: z.enum(['none', 'left', 'middle', 'right']).default('none'),
      clickCount: z.number().int().min(0).max(3).default(0),
      modifiers: modifiersSchema,
    })
    .strict(),
  stableObject({
      type: z.literal('mouseWheel'),
      x: coordinate,
      y: coordinate,
      deltaX: z.number().min(-100_000).max(100_000),
      deltaY: z.number().min(-100_000).max(100_000),
      modifiers: modifiersSchema,
    })
    .strict(),
  stableObject({
      type: z.enum(['keyDown', 'keyUp']),
      /** KeyboardEvent.key: "a", "Enter", "Tab", "Escape", "ArrowDown". */
      key: z.string().min(1).max(32),
      /** KeyboardEvent.code: "KeyA", "Enter". */
      code: z.string().max(32).default(''),
      /** The character typed, when the key types one. */
      text: z.string().max(8).optional(),
      modifiers: modifiersSchema,
    })
    .strict(),
  /** Pasted text, inserted as the browser does for a paste into the focused field. */
  stableObject({ type: z.literal('insertText'), text: z.string().max(100_000) }).strict(),
]);
export type BrowserInputEvent = z.infer<typeof browserInputEventSchema>;
export type BrowserInputEventInput = z.input<typeof browserInputEventSchema>;

/** A project's saved sign-in (Playwright storage state), kept in the app's data folder, never the project's. */
export const signInSummarySchema = stableObject({
  /** Sites the saved cookies and storage belong to, e.g. "app.example.com". */
  sites: z.array(z.string()),
  /** ISO time it was last saved. */
  savedAt: z.string(),
});
export type SignInSummary = z.infer<typeof signInSummarySchema>;

export const browserTabSchema = stableObject({ tabId: z.string(), url: z.string(), title: z.string(), active: z.boolean() });

export const browserSessionSchema = stableObject({
  sessionId: sessionIdSchema,
  url: z.string(),
  title: z.string(),
  loading: z.boolean(),
  canGoBack: z.boolean(),
  canGoForward: z.boolean(),
  viewport: viewportSchema,
  deviceScaleFactor: z.number(),
  /** Popups open as tabs of the session. */
  tabs: z.array(browserTabSchema),
  /** Things handled for the author: a dismissed dialog, a refused download or navigation. */
  notices: z.array(z.string()),
  /** The path recorded since the active tab's last page load. */
  recorded: recordedPathSchema.nullable(),
  /** Set when the last navigation failed (unreachable, timed out, redirect loop); the session stays usable. */
  error: z.string().optional(),
  signIn: signInSummarySchema.nullable(),
});
export type BrowserSession = z.infer<typeof browserSessionSchema>;

export const browserFrameSchema = stableObject({
  /** Increases with every frame; pass it back as `afterSeq` to wait for the next one. */
  seq: z.number().int().min(0),
  /**
   * The newest frame (a JPEG data: URL), absent when `waitMs` passed without a new one, or when the
   * session changed first (loaded, an error, a notice, a recorded action): `session` is then news.
   */
  frame: stableObject({ dataUrl: z.string(), width: z.number(), height: z.number() }).optional(),
  session: browserSessionSchema,
});
export type BrowserFrame = z.infer<typeof browserFrameSchema>;

export const browserOpenInputSchema = stableObject({
    projectPath: pathSchema,
    projectId: idSchema,
    url: webUrlSchema,
    viewport: viewportSchema,
    deviceScaleFactor: z.number().min(1).max(3).default(1),
    /** Start from the project's saved sign-in, when there is one. */
    useSignIn: z.boolean().default(true),
  })
  .strict();

export const browserContractEntries = {
  sessionInput: stableObject({ sessionId: sessionIdSchema }).strict(),
  frameInput: stableObject({ sessionId: sessionIdSchema, afterSeq: z.number().int().min(0), waitMs: z.number().int().min(0).max(10_000).default(5_000) }).strict(),
  inputInput: stableObject({ sessionId: sessionIdSchema, events: z.array(browserInputEventSchema).min(1).max(200) }).strict(),
  navigateInput: stableObject({ sessionId: sessionIdSchema, action: z.enum(['go', 'back', 'forward', 'reload']), url: webUrlSchema.optional() })
    .strict()
    .refine((input) => input.action !== 'go' || input.url !== undefined, { message: 'a "go" needs a url', path: ['url'] }),
  viewportInput: stableObject({ sessionId: sessionIdSchema, viewport: viewportSchema, deviceScaleFactor: z.number().min(1).max(3).default(1) }).strict(),
  tabInput: stableObject({ sessionId: sessionIdSchema, tabId: z.string().min(1).max(64), action: z.enum(['activate', 'close']) }).strict(),
  captureInput: stableObject({ sessionId: sessionIdSchema, projectPath: pathSchema, fullPage: z.boolean().default(false) }).strict(),
  signInInput: stableObject({ projectId: idSchema }).strict(),
  recaptureInput: stableObject({ projectPath: pathSchema, projectId: idSchema, source: screenSourceSchema, timeoutMs: z.number().int().min(1_000).max(120_000).default(30_000) })
    .strict(),
} as const;
