import type { BundleFlow } from './bundleTypes';
import type { MissReason, Recovery } from './findTarget';

/**
 * What the player reports, for analytics. Every event has `type`, `flowId`, `flowKind`, `flowName`
 * and `timestamp` (ms since epoch); the rest depends on the type:
 * - flow_started: a flow began (automatically or through `start`).
 * - step_viewed / step_completed: a tour step was shown / left forward; `stepId`, `stepIndex` (0-based), `stepCount`.
 * - flow_completed: the user reached the end (last step, every checklist item, survey answered).
 * - flow_dismissed: the flow ended early; `reason` is "close" (the user closed it), "api" (`stop()`),
 *   "target_not_found" (a step's target never appeared and the step said to end) or "replaced" (another flow started).
 * - checklist_item_completed: `itemId`.
 * - survey_answered: `score` (0-10), `band` ("detractor" 0-6, "passive" 7-8, "promoter" 9-10), `comment` (may be "").
 * - target_not_found: a step's or hotspot's target was not on the page; `stepId`, `selectors`,
 *   `reason` and `action` ("skip", "center", "end", or "hide" for a hotspot) saying what the player did
 *   about it. `reason`: "noMatch" (no selector matched), "mismatch" (selectors matched elements that
 *   do not fit the recorded fingerprint, and no element on the page does), "ambiguous" (several
 *   elements fit alike, so none is pointed at), "hidden" (only hidden elements matched).
 * - target_recovered: the target was found, but not by the first selector, so the anchor is going
 *   stale; `stepId`, `selectors`, `strategy` ("alternate": a later selector, `selectorIndex`;
 *   "fingerprint": a search of the page by the recorded fingerprint) and `score` (0-1, how well it fits).
 * Resource center (flowKind "resourceCenter"):
 * - resource_center_opened: the panel opened; `source` "launcher" (the user), "api" (`openResourceCenter()`)
 *   or "announcement" (opened by itself for an unread announcement that asks to).
 * - article_viewed: `articleId`, `source` "list", "search" or "related".
 * - search: the user paused typing (0.6 s) or pressed Enter; `queryLength` and `resultCount`, and
 *   `query` (the text) only with `createPlayer({ searchQueryInEvents: true })`: people type
 *   personal data into search boxes.
 * - search_unanswered: the same search found nothing (sent after its `search` event).
 * - article_feedback: "Was this helpful?"; `articleId`, `helpful`, `comment` (may be "").
 * - contact_clicked: `channel` "email", "url" or "phone".
 * - announcement_viewed: `announcementId`; an announcement counts as read when it is opened.
 */
export interface PlayerEventMap {
  flow_started: object;
  step_viewed: StepInfo;
  step_completed: StepInfo;
  flow_completed: object;
  flow_dismissed: { reason: 'close' | 'api' | 'target_not_found' | 'replaced'; stepId?: string; stepIndex?: number };
  checklist_item_completed: { itemId: string };
  survey_answered: { score: number; band: 'detractor' | 'passive' | 'promoter'; comment: string };
  target_not_found: { stepId?: string; selectors: string[]; reason: MissReason; action: 'skip' | 'center' | 'end' | 'hide' };
  target_recovered: { stepId?: string; selectors: string[] } & Recovery;
  resource_center_opened: { source: 'launcher' | 'api' | 'announcement' };
  article_viewed: { articleId: string; source: 'list' | 'search' | 'related' };
  search: { queryLength: number; resultCount: number; query?: string };
  search_unanswered: { queryLength: number; query?: string };
  article_feedback: { articleId: string; helpful: boolean; comment: string };
  contact_clicked: { channel: 'email' | 'url' | 'phone' };
  announcement_viewed: { announcementId: string };
}

export interface StepInfo {
  stepId: string;
  stepIndex: number;
  stepCount: number;
}

export type PlayerEventType = keyof PlayerEventMap;
export type PlayerEvent<T extends PlayerEventType = PlayerEventType> = {
  [K in T]: { type: K; flowId: string; flowKind: BundleFlow['kind']; flowName: string; timestamp: number } & PlayerEventMap[K];
}[T];
export type PlayerEventListener<T extends PlayerEventType = PlayerEventType> = (event: PlayerEvent<T>) => void;
