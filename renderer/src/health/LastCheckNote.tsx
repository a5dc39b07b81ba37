import { CommandButton } from '../app/CommandButton';
import { timeAgo } from '../screens/captureBrowser/relativeTime';
import { describeProblems } from './checkedAnchors';
import { useHealthCheck } from './healthCheckStore';
import './health.css';

/**
 * In Export: "Last check 2 minutes ago: 1 flow broken, 3 steps changed — Check flows again", when
 * the last check found problems. It never blocks the export: the live page may be fixed already,
 * or the author may ship on purpose; lint's errors are what blocks.
 */
export function LastCheckNote() {
  const last = useHealthCheck((state) => state.last);
  const problems = last ? describeProblems(last.report) : '';
  if (!last || !problems) return null;
  return (
    <p className="last-check-note small" role="note">
      <span>
        Last check {timeAgo(last.report.checkedAt)}
        {last.report.baseUrl ? ` (against ${last.report.baseUrl})` : ''}: {problems} —{' '}
      </span>
      <CommandButton command="health.check" className="link-button">
        Check flows again
      </CommandButton>
    </p>
  );
}
