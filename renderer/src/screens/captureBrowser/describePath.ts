import type { RecordedAction, RecordedPath } from '../../../../shared/model/recordedPath';

const MAX_NAME = 40;
const quoted = (name: string | undefined) => (name?.trim() ? `“${name.trim().length > MAX_NAME ? `${name.trim().slice(0, MAX_NAME - 1)}…` : name.trim()}”` : 'an element');

/** One recorded action in words: click “Reports”, type in “Email”, type in “Password” (hidden), press Enter. */
export function describeAction(action: RecordedAction): string {
  switch (action.kind) {
    case 'click':
      return `click ${quoted(action.name)}`;
    case 'fill':
      return `type in ${quoted(action.name)}${action.secret ? ' (not kept)' : ''}`;
    case 'press':
      return `press ${action.key}`;
  }
}

/**
 * What a re-capture will do, for the author before it runs: "loads the page, then replays 3 steps
 * (click “Reports”, type in “Search”, …)". The first few steps are named; the rest are counted.
 */
export function describePath(path: RecordedPath | undefined, shown = 3): string {
  const actions = path?.actions ?? [];
  const scroll = path?.scroll ? ' and scrolls to where it was captured' : '';
  if (actions.length === 0) return scroll ? `Loads the page${scroll} (no recorded steps).` : 'Loads the page as it is (no recorded steps).';
  const named = actions.slice(0, shown).map(describeAction);
  const more = actions.length > shown ? ', …' : '';
  return `Loads the page, then replays ${actions.length === 1 ? '1 step' : `${actions.length} steps`} (${named.join(', ')}${more})${scroll}.`;
}

/** What the live session has recorded since the page loaded, for the author to see what re-capture will replay. */
export function describeRecorded(path: RecordedPath | null | undefined, shown = 3): string {
  const actions = path?.actions ?? [];
  if (actions.length === 0) return 'No steps recorded since this page loaded.';
  const named = actions.slice(-shown).map(describeAction);
  const earlier = actions.length > shown ? '…, ' : '';
  return `Recorded since this page loaded, for capturing again: ${actions.length === 1 ? '1 step' : `${actions.length} steps`} (${earlier}${named.join(', ')}).`;
}
