import type { RunningCheck } from './healthCheckStore';

/** "3 of 12 screens · loading Dashboard…", with a bar; read out as it changes. */
export function describeProgress(running: RunningCheck): string {
  if (running.cancelling) return `Stopping after ${running.done} of ${running.total} screens…`;
  if (!running.jobId) return 'Starting the browser…';
  const loading = running.current.length ? ` · loading ${running.current.slice(0, 2).join(', ')}${running.current.length > 2 ? ` and ${running.current.length - 2} more` : ''}…` : '';
  return `${running.done} of ${running.total} screen${running.total === 1 ? '' : 's'}${loading}`;
}

export function HealthProgress({ running }: { running: RunningCheck }) {
  const text = describeProgress(running);
  return (
    <div className="health-progress">
      <progress max={Math.max(1, running.total)} value={running.done} aria-label="Screens checked" />
      {/* One fixed line (ellipsis, full text in the tooltip): long screen names must not move what is below. */}
      <p className="health-progress-text" role="status" title={text}>
        {text}
      </p>
    </div>
  );
}
