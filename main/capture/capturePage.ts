import type { CaptureRequest } from '../../shared/model/capture';

/** Failures a person can act on; their message is shown as it is. */
export class CaptureError extends Error {}

/**
 * One page being captured, as each host provides it: headless Chromium through playwright-core
 * (web host) or a capture window (Electron). The capture pipeline only talks to this.
 */
export interface CapturePage {
  /** Navigates and waits for the load event; throws CaptureError for network errors, error statuses and timeouts. */
  load(url: string, timeoutMs: number): Promise<void>;
  /** Electron: the author logs in and navigates first; this resolves when they press Capture. */
  waitForAuthor?(): Promise<void>;
  /** Electron: the builder's "Capture now" button, same as pressing Capture in the capture window. */
  proceed?(): void;
  /** Evaluates an expression in the page and returns its (JSON-like) value. */
  evaluate(expression: string): Promise<unknown>;
  /** A PNG of the viewport, or of the whole page cut at `maxHeight` CSS pixels. */
  screenshot(options: { fullPage: boolean; maxHeight: number }): Promise<Uint8Array>;
  /** Where the page is now (after redirects and the author's navigation). */
  url(): string;
  /** Things that happened and were handled: dismissed dialogs, closed popups, refused downloads. */
  readonly notices: readonly string[];
  close(): Promise<void>;
}

export type OpenCapturePage = (request: CaptureRequest) => Promise<CapturePage>;
