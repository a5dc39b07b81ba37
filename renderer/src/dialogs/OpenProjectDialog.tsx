import { useEffect, useState } from 'react';
import type { ProjectSummary } from '../../../shared/api/contract';
import { useApp } from '../app/appContext';
import { describeError } from '../app/projectSession';
import { Modal } from './Modal';

/** The web host's "Open project": the projects in its projects folder (Electron uses a native dialog). */
export function OpenProjectDialog({ onClose }: { onClose(): void }) {
  const { client, session } = useApp();
  const [projects, setProjects] = useState<ProjectSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    client.call('projects.available', {}).then(setProjects, (failure: unknown) => setError(describeError(failure)));
  }, [client]);
  return (
    <Modal title="Open project" onClose={onClose}>
      {error ? <p className="error-text">{error}</p> : null}
      {projects === null && !error ? <p className="muted">Looking for projects…</p> : null}
      {projects?.length === 0 ? <p className="muted">There are no projects in the projects folder yet.</p> : null}
      <ul className="project-list" aria-label="Projects">
        {projects?.map((project) => (
          <li key={project.path}>
            <button
              type="button"
              className="project-row"
              onClick={async () => {
                if (await session.open(project.path)) onClose();
              }}
            >
              <span className="project-row-name">{project.name}</span>
              <span className="project-row-path">{project.path}</span>
            </button>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
