import { ScreenCanvas } from '../canvas/ScreenCanvas';
import { CommandButton } from '../app/CommandButton';
import { Inspector } from '../inspector/Inspector';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { AreaErrorBoundary } from '../ui/AreaErrorBoundary';
import { Icon } from '../ui/Icon';
import { HealthCompare, useComparedResult } from '../health/HealthCompare';

function NoScreens() {
  return (
    <div className="canvas-empty-state">
      <Icon name="camera" size={32} />
      <h2>Start with a screen of your product</h2>
      <p className="muted">Flows are anchored to the elements of a captured page. You can also use a screenshot or mockup.</p>
      <div className="start-actions">
        <CommandButton command="screen.capture" className="button primary">
          Capture a page
        </CommandButton>
        <CommandButton command="screen.addImage" className="button">
          Add an image
        </CommandButton>
      </div>
      <p className="muted small">or drop or paste a PNG, JPEG or WebP here</p>
    </div>
  );
}

/** The canvas in the middle (the selected screen with the selected flow on it), the inspector beside it. */
export function CanvasArea() {
  const screens = useDocumentStore((state) => state.project?.screens);
  const selectedScreenId = useUiStore((state) => state.selectedScreenId);
  const screen = screens?.find((candidate) => candidate.id === selectedScreenId) ?? screens?.[0];
  const compared = useComparedResult();
  return (
    <>
      <main className={`canvas${compared ? ' with-health-compare' : ''}`} aria-label="Canvas">
        <AreaErrorBoundary area="canvas" key={screen?.id}>
          {screen ? <ScreenCanvas screen={screen} /> : <NoScreens />}
        </AreaErrorBoundary>
        {compared ? (
          <AreaErrorBoundary area="live check comparison">
            <HealthCompare check={compared.check} result={compared.result} />
          </AreaErrorBoundary>
        ) : null}
      </main>
      <AreaErrorBoundary area="inspector" className="inspector">
        <Inspector screen={screen} />
      </AreaErrorBoundary>
    </>
  );
}
