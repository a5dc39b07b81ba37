import { flowKindLabel } from '../../../shared/model/create';
import { pickText } from '../../../shared/model/localizedText';
import type { Flow } from '../../../shared/model/flow';
import { CommandButton } from '../app/CommandButton';
import { ElementInspector } from '../canvas/ElementInspector';
import { ScreenCanvas } from '../canvas/ScreenCanvas';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { Icon } from '../ui/Icon';
import { FlowKindIcon } from './FlowKindIcon';

function contentLines(flow: Flow, locale: string): string[] {
  const t = (value: Record<string, string>) => pickText(value, locale, locale);
  switch (flow.kind) {
    case 'tour':
      return flow.tour.steps.map((step, index) => `${index + 1}. ${t(step.title) || '(untitled step)'}`);
    case 'hotspot':
      return [t(flow.hotspot.title), t(flow.hotspot.body)].filter(Boolean);
    case 'checklist':
      return [t(flow.checklist.title), ...flow.checklist.items.map((item) => `☐ ${t(item.label)}`)];
    case 'survey':
      return [t(flow.survey.question), '0 1 2 3 4 5 6 7 8 9 10'];
  }
}

function FlowCard({ flow, locale }: { flow: Flow; locale: string }) {
  return (
    <article className="canvas-flow-card" aria-label={`${flow.name} outline`}>
      <header>
        <FlowKindIcon kind={flow.kind} />
        <div>
          <h2>{flow.name}</h2>
          <p className="muted">
            {flowKindLabel(flow.kind)} · {flow.status === 'ready' ? 'Ready' : 'Draft'}
          </p>
        </div>
        <CommandButton command="flow.play" className="button primary small">
          <Icon name="play" size={14} /> Play
        </CommandButton>
      </header>
      <ul>
        {contentLines(flow, locale).map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ul>
    </article>
  );
}

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

/** The canvas in the middle (the selected screen), and beside it what is selected: the element, the flow. */
export function CanvasArea() {
  const project = useDocumentStore((state) => state.project);
  const selectedFlowId = useUiStore((state) => state.selectedFlowId);
  const selectedScreenId = useUiStore((state) => state.selectedScreenId);
  const screens = project?.screens ?? [];
  const screen = screens.find((candidate) => candidate.id === selectedScreenId) ?? screens[0];
  const flow = project?.flows.find((candidate) => candidate.id === selectedFlowId);
  const locale = project?.locales.defaultLocale ?? 'en';
  return (
    <>
      <section className="canvas" aria-label="Canvas">
        {screen ? <ScreenCanvas key={screen.id} screen={screen} /> : <NoScreens />}
      </section>
      <aside className="inspector" aria-label="Inspector">
        {screen ? <ElementInspector key={screen.id} screen={screen} /> : null}
        <section className="inspector-section">
          {flow ? <FlowCard flow={flow} locale={locale} /> : <p className="muted small">Select a flow, or create one with “+ New flow”.</p>}
        </section>
      </aside>
    </>
  );
}
