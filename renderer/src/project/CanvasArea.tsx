import { flowKindLabel } from '../../../shared/model/create';
import { pickText } from '../../../shared/model/localizedText';
import type { Flow } from '../../../shared/model/flow';
import { useDocumentStore } from '../store/documentStore';
import { useUiStore } from '../store/uiStore';
import { FlowKindIcon } from './FlowKindIcon';
import { CommandButton } from '../app/CommandButton';
import { Icon } from '../ui/Icon';

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

/** Where screens are shown and flows are drawn; until a screen exists it shows the selected flow's outline. */
export function CanvasArea() {
  const project = useDocumentStore((state) => state.project);
  const selectedFlowId = useUiStore((state) => state.selectedFlowId);
  const flow = project?.flows.find((candidate) => candidate.id === selectedFlowId);
  const locale = project?.locales.defaultLocale ?? 'en';
  return (
    <section className="canvas" aria-label="Canvas">
      {project && project.screens.length === 0 ? (
        <div className="canvas-hint">Capture a screen of your product to anchor steps and hotspots to its elements.</div>
      ) : null}
      {flow ? (
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
      ) : (
        <p className="canvas-empty muted">Select a flow, or create one with “+ New flow”.</p>
      )}
    </section>
  );
}
