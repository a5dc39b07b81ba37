import { useEffect, useRef } from 'react';
import type { FlowKind } from '../../../shared/model/flow';

export type PreviewEnding = 'completed' | 'closed';

const KIND_NAMES: Record<FlowKind, string> = { tour: 'Tour', hotspot: 'Hotspot', checklist: 'Checklist', survey: 'Survey', resourceCenter: 'Resource center' };

/** What Play shows once the flow is over, instead of a bare screenshot: play it again, or go back to editing. */
export function PreviewEnd({ kind, ending, onRestart, onClose }: { kind: FlowKind; ending: PreviewEnding; onRestart(): void; onClose(): void }) {
  const restart = useRef<HTMLButtonElement>(null);
  // The player handed focus back to where it came from; the next thing to do is here.
  useEffect(() => restart.current?.focus(), []);
  const title = `${KIND_NAMES[kind]} ${ending === 'completed' ? 'complete' : 'closed'}`;
  return (
    <div className="preview-end" role="dialog" aria-labelledby="preview-end-title">
      <h2 id="preview-end-title">{title}</h2>
      <p className="muted">{ending === 'completed' ? 'The user reached the end.' : 'The user closed it before the end.'}</p>
      <div className="preview-end-actions">
        <button ref={restart} type="button" className="button primary" onClick={onRestart}>
          Restart
        </button>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
