import { useState } from 'react';
import type { Project } from '../../../shared/model/project';
import type { ReloadChoice, ReloadConflict, SideChange } from '../../../shared/project/mergeReloaded';
import { useApp } from '../app/appContext';
import { Modal } from './Modal';
import './reloadDialog.css';

const HERE: Record<SideChange, string> = { changed: 'edited here', added: 'added here', removed: 'deleted here' };
const ON_DISK: Record<SideChange, string> = { changed: 'changed on disk', added: 'added on disk', removed: 'deleted on disk' };

const KIND_NOUN: Record<ReloadConflict['kind'], string> = { flow: 'Flow', screen: 'Screen', settings: '', flowOrder: '', screenOrder: '' };

/**
 * The project changed on disk (a git pull, a branch switch, a teammate's save) in flows or screens
 * that were also edited here: one choice each, "Keep mine" by default (the other version stays in
 * git's history). Everything else was merged already. Closing it decides nothing: the files stay
 * as they are and autosave waits.
 */
export function ReloadDialog({ disk, diskVersion, conflicts }: { disk: Project; diskVersion: string; conflicts: ReloadConflict[] }) {
  const { session } = useApp();
  const [choices, setChoices] = useState<Map<string, ReloadChoice>>(() => new Map(conflicts.map((conflict) => [conflict.key, 'mine'])));
  const choose = (key: string, choice: ReloadChoice) => setChoices((previous) => new Map(previous).set(key, choice));
  const chooseAll = (choice: ReloadChoice) => setChoices(new Map(conflicts.map((conflict) => [conflict.key, choice])));
  const count = conflicts.length;
  return (
    <Modal
      title="Changed on disk and here"
      onClose={() => session.disk.postpone(diskVersion)}
      closeOnBackdrop={false}
      footer={
        <>
          <button type="button" className="button" onClick={() => session.disk.postpone(diskVersion)}>
            Decide later
          </button>
          <button type="button" className="button primary" onClick={() => session.disk.resolve(disk, diskVersion, choices)}>
            Apply
          </button>
        </>
      }
    >
      <div className="reload-body">
        <p>
          The project’s files changed on disk (a git pull, a branch switch or someone else’s save) while you were editing. Everything else is merged;{' '}
          {count === 1 ? 'this was' : `these ${count} were`} changed on both sides. Choose which version to keep.
        </p>
        <ul className="reload-conflicts" aria-label="Changed on both sides">
          {conflicts.map((conflict) => (
            <li key={conflict.key}>
              <div className="reload-conflict-name">
                {KIND_NOUN[conflict.kind] ? <span className="muted">{KIND_NOUN[conflict.kind]} </span> : null}
                <strong>{conflict.name}</strong>
                <span className="muted">
                  {' '}
                  · {HERE[conflict.mine]}, {ON_DISK[conflict.disk]}
                  {conflict.diskName ? ` (there: “${conflict.diskName}”)` : ''}
                </span>
              </div>
              <fieldset className="segmented small" aria-label={`Version of ${conflict.name}`}>
                <label>
                  <input type="radio" name={conflict.key} checked={choices.get(conflict.key) === 'mine'} onChange={() => choose(conflict.key, 'mine')} /> Keep mine
                  {conflict.mine === 'removed' ? ' (deleted)' : ''}
                </label>
                <label>
                  <input type="radio" name={conflict.key} checked={choices.get(conflict.key) === 'disk'} onChange={() => choose(conflict.key, 'disk')} /> Take the
                  version on disk
                  {conflict.disk === 'removed' ? ' (deleted)' : ''}
                </label>
              </fieldset>
            </li>
          ))}
        </ul>
        <div className="reload-all" role="group" aria-label="For all">
          <button type="button" className="button small" onClick={() => chooseAll('mine')}>
            Keep all mine
          </button>
          <button type="button" className="button small" onClick={() => chooseAll('disk')}>
            Take all from disk
          </button>
        </div>
      </div>
    </Modal>
  );
}
