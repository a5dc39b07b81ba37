import { useDocumentStore } from '../store/documentStore';
import { Icon } from '../ui/Icon';

/** The captured screens of the project; capture itself arrives with the capture feature. */
export function ScreensPanel() {
  const screens = useDocumentStore((state) => state.project?.screens ?? []);
  return (
    <section className="panel" aria-labelledby="screens-heading">
      <header className="panel-header">
        <h2 id="screens-heading">Screens</h2>
        <span className="panel-count">{screens.length}</span>
      </header>
      {screens.length === 0 ? (
        <p className="panel-empty">No screens yet. Screens are screenshots of your product that flows are anchored to.</p>
      ) : (
        <ul className="screen-list" aria-label="Screens">
          {screens.map((screen) => (
            <li key={screen.id} className="screen-row">
              <Icon name="image" />
              <span className="screen-row-name">{screen.name}</span>
              <span className="screen-row-meta">
                {screen.image.width}×{screen.image.height} · {screen.elements.length} elements
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
