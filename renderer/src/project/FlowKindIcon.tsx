import type { FlowKind } from '../../../shared/model/flow';

const PATHS: Record<FlowKind, string> = {
  // A tooltip bubble with a pointer.
  tour: 'M4 5h16v10H10l-4 4v-4H4z',
  // A beacon: a dot in a ring.
  hotspot: 'M12 8a4 4 0 1 1 0 8a4 4 0 0 1 0-8zM12 3a9 9 0 1 1 0 18a9 9 0 0 1 0-18z',
  // A list with ticks.
  checklist: 'M4 6l2 2l3-3M11 7h9M4 13l2 2l3-3M11 14h9M11 20h9',
  // A gauge.
  survey: 'M4 17a8 8 0 0 1 16 0M12 17l4-5',
  // A life buoy: help to hand.
  resourceCenter: 'M12 3a9 9 0 1 1 0 18a9 9 0 0 1 0-18zM12 8a4 4 0 1 1 0 8a4 4 0 0 1 0-8zM5.6 5.6l3.6 3.6M18.4 5.6l-3.6 3.6M5.6 18.4l3.6-3.6M18.4 18.4l-3.6-3.6',
};

export function FlowKindIcon({ kind }: { kind: FlowKind }) {
  return (
    <svg className={`flow-kind-icon kind-${kind}`} viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
      <path d={PATHS[kind]} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
