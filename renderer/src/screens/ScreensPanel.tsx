import type { Screen } from '../../../shared/model/screen';
import { useApp } from '../app/appContext';
import { CommandButton } from '../app/CommandButton';
import { useScreenImage } from '../preview/screenImages';
import { useDocumentStore } from '../store/documentStore';
import { deleteScreen, renameScreen } from '../store/screenActions';
import { openDialog, useUiStore } from '../store/uiStore';
import { Icon } from '../ui/Icon';
import { RowAction } from '../ui/RowAction';
import { RenameField } from '../ui/RenameField';

function Thumbnail({ screen }: { screen: Screen }) {
  const { client } = useApp();
  const projectPath = useUiStore((state) => state.projectPath);
  const { url, error } = useScreenImage(client, projectPath, screen.image.file);
  return (
    <span className="screen-thumb" title={error ?? undefined}>
      {url ? <img src={url} alt="" draggable={false} /> : <Icon name={error ? 'close' : 'image'} />}
    </span>
  );
}

function meta(screen: Screen): string {
  const size = `${screen.image.width}×${screen.image.height}`;
  if (screen.source.kind === 'image') return `${size} · image, ${screen.elements.length ? `${screen.elements.length} drawn` : 'no element map'}`;
  return `${size} · ${screen.elements.length} elements`;
}

/** The project's screens: thumbnails, select one for the canvas, rename in place, capture again, delete (undoable). */
export function ScreensPanel() {
  const screens = useDocumentStore((state) => state.project?.screens ?? []);
  const selectedScreenId = useUiStore((state) => state.selectedScreenId);
  const renamingScreenId = useUiStore((state) => state.renamingScreenId);
  // The web host captures again itself (saved sign-in, recorded path); Electron's capture window asks the author.
  const recaptureDialog = useUiStore((state) => state.appInfo?.host ?? 'web') === 'web' ? 'recapture' : 'capture';
  const select = (screenId: string) => useUiStore.setState({ selectedScreenId: screenId, selectedElementId: null });
  return (
    <section className="panel" aria-labelledby="screens-heading">
      <header className="panel-header">
        <h2 id="screens-heading">
          Screens <span className="panel-count">{screens.length}</span>
        </h2>
        <span className="panel-actions">
          <CommandButton command="screen.capture" className="button small">
            <Icon name="camera" size={14} /> Capture
          </CommandButton>
          <CommandButton command="screen.addImage" className="button small" ariaLabel="Add screen from image">
            <Icon name="image" size={14} /> Image
          </CommandButton>
        </span>
      </header>
      {screens.length === 0 ? (
        <p className="panel-empty">No screens yet. Capture a page of your product, or drop, paste or pick a screenshot.</p>
      ) : (
        <ul className="screen-list" aria-label="Screens">
          {screens.map((screen) => (
            <li
              key={screen.id}
              className={`screen-row${screen.id === selectedScreenId ? ' selected' : ''}`}
              onKeyDown={(event) => {
                if ((event.key === 'Delete' || event.key === 'Backspace') && event.target === event.currentTarget.firstElementChild) {
                  event.preventDefault(); // the app's Delete shortcut must not also delete the selected flow
                  deleteScreen(screen.id);
                }
                if (event.key === 'F2') useUiStore.setState({ renamingScreenId: screen.id });
              }}
            >
              <button
                type="button"
                className="screen-row-main"
                title={`${screen.name}\n${meta(screen)}`}
                aria-current={screen.id === selectedScreenId ? 'true' : undefined}
                onClick={() => select(screen.id)}
                onDoubleClick={() => useUiStore.setState({ selectedScreenId: screen.id, renamingScreenId: screen.id })}
              >
                <Thumbnail screen={screen} />
                <span className="screen-row-text">
                  {screen.id === renamingScreenId ? null : <span className="screen-row-name">{screen.name}</span>}
                  <span className="screen-row-meta">{meta(screen)}</span>
                </span>
              </button>
              {screen.id === renamingScreenId ? (
                <RenameField name={screen.name} onRename={(name) => renameScreen(screen.id, name)} onDone={() => useUiStore.setState({ renamingScreenId: null })} />
              ) : null}
              <span className="row-actions">
                {screen.source.kind === 'url' ? (
                  <RowAction icon="refresh" label={`Capture ${screen.name} again`} title={recaptureDialog === 'recapture' ? 'Capture again: the same URL and viewport, signed in, with the recorded steps replayed' : 'Capture again from the same URL and viewport'} size={16} onClick={() => openDialog(recaptureDialog === 'recapture' ? { kind: 'recapture', screenId: screen.id } : { kind: 'capture', recaptureScreenId: screen.id })} />
                ) : null}
                <RowAction icon="pencil" label={`Rename ${screen.name}`} title="Rename (F2)" size={16} onClick={() => useUiStore.setState({ renamingScreenId: screen.id })} />
                <RowAction icon="trash" label={`Delete ${screen.name}`} title="Delete (undo brings it back)" danger size={16} onClick={() => deleteScreen(screen.id)} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
