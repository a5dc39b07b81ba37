import { useEffect, useState } from 'react';
import type { ProjectSummary } from '../../../shared/api/contract';
import { useApp } from '../app/appContext';
import { CommandButton } from '../app/CommandButton';
import { describeError } from '../app/projectSession';
import { notify, useUiStore } from '../store/uiStore';
import { Icon } from '../ui/Icon';

function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The first thing an author sees: start a project, open one, or pick up a recent one. */
export function StartScreen() {
  const { client, session } = useApp();
  const appInfo = useUiStore((state) => state.appInfo);
  const [recent, setRecent] = useState<ProjectSummary[] | null>(null);

  useEffect(() => {
    client.call('projects.recent', {}).then(setRecent, (error: unknown) => {
      setRecent([]);
      notify('error', describeError(error));
    });
  }, [client]);

  const forget = async (path: string) => {
    await client.call('projects.forget', { path });
    setRecent((list) => list?.filter((entry) => entry.path !== path) ?? null);
  };

  return (
    <main className="start">
      <div className="start-card">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            S
          </span>
          <h1>Stepwise</h1>
        </div>
        <p className="start-lead">Build product tours, hotspots, checklists and NPS surveys on screenshots of your product.</p>
        <div className="start-actions">
          <CommandButton command="project.new" className="button primary large">
            New project
          </CommandButton>
          <CommandButton command="project.open" className="button large">
            Open project…
          </CommandButton>
        </div>
        <section className="recent" aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recent projects</h2>
          {recent === null ? <p className="muted">Loading…</p> : null}
          {recent?.length === 0 ? <p className="muted">Projects you open or create will be listed here.</p> : null}
          <ul className="project-list">
            {recent?.map((entry) => (
              <li key={entry.path} className={entry.exists ? '' : 'missing'}>
                <button
                  type="button"
                  className="project-row"
                  disabled={!entry.exists}
                  onClick={() => void session.open(entry.path)}
                  title={entry.exists ? entry.path : `${entry.path} is no longer there`}
                >
                  <span className="project-row-name">{entry.name}</span>
                  <span className="project-row-path">{entry.exists ? formatWhen(entry.openedAt) : 'Moved or deleted'}</span>
                </button>
                <button type="button" className="icon-button" aria-label={`Remove ${entry.name} from recent projects`} onClick={() => void forget(entry.path)}>
                  <Icon name="close" size={14} />
                </button>
              </li>
            ))}
          </ul>
        </section>
        {appInfo ? (
          <p className="start-footer muted">
            {appInfo.host === 'web' ? 'Web host' : 'Desktop'} · version {appInfo.version} · projects folder {appInfo.projectsDir}
          </p>
        ) : null}
      </div>
    </main>
  );
}
