import type { ChecklistAction, ChecklistDoneWhen, ChecklistItem } from '../../../shared/model/checklist';
import type { FlowOf } from '../../../shared/model/flow';
import { urlRuleSchema } from '../../../shared/model/targeting';
import { updateFlow } from '../store/flowActions';
import { updateItem } from '../store/flowItems';
import { useDocumentStore } from '../store/documentStore';
import { CheckboxField, CheckedTextField, LocalizedTextField, Section, SelectField } from './fields';
import { webUrlProblem } from './options';

type Body = FlowOf<'checklist'>['checklist'];

/** The checklist itself: what it says, where its launcher sits. Items are edited one at a time. */
export function ChecklistInspector({ flow }: { flow: FlowOf<'checklist'> }) {
  const { checklist } = flow;
  const edit = (recipe: (draft: Body) => void, key?: string) => updateFlow<'checklist'>(flow.id, (draft) => recipe(draft.checklist as Body), key);
  const text = (field: 'title' | 'description' | 'completionMessage') => (value: string, locale: string) => edit((draft) => void (draft[field][locale] = value), `${field}/${locale}`);
  return (
    <Section title="Checklist">
      <LocalizedTextField label="Title" value={checklist.title} onChange={text('title')} />
      <LocalizedTextField label="Description" value={checklist.description} onChange={text('description')} multiline />
      <LocalizedTextField label="Launcher label" value={checklist.launcher.label} onChange={(value, locale) => edit((draft) => void (draft.launcher.label[locale] = value), `launcher/${locale}`)} />
      <SelectField
        label="Launcher position"
        value={checklist.launcher.position}
        options={[['bottom-right', 'Bottom right'], ['bottom-left', 'Bottom left'], ['top-right', 'Top right'], ['top-left', 'Top left']]}
        onChange={(position) => edit((draft) => void (draft.launcher.position = position))}
      />
      <CheckboxField label="Users can dismiss it" checked={checklist.dismissible} onChange={(dismissible) => edit((draft) => void (draft.dismissible = dismissible))} />
      <LocalizedTextField label="When everything is done" value={checklist.completionMessage} onChange={text('completionMessage')} />
      <p className="muted small">Select an item in the outline to edit it; drag to reorder.</p>
    </Section>
  );
}

/** One checklist item: its text, what clicking it does, and when it counts as done. */
export function ChecklistItemInspector({ flow, item, index }: { flow: FlowOf<'checklist'>; item: ChecklistItem; index: number }) {
  const flows = useDocumentStore((state) => state.project?.flows);
  const otherFlows = (flows ?? []).filter((candidate) => candidate.id !== flow.id);
  const flowOptions = otherFlows.map((candidate) => [candidate.id, candidate.name] as const);
  const edit = (recipe: (draft: ChecklistItem) => void, key?: string) => updateItem<ChecklistItem>(flow.id, item.id, (draft) => recipe(draft as ChecklistItem), key);
  const firstFlow = otherFlows[0]?.id;
  const action = item.action;
  const doneWhen = item.doneWhen;
  return (
    <Section title={`Item ${index + 1} of ${flow.checklist.items.length}`}>
      <LocalizedTextField label="Label" value={item.label} onChange={(value, locale) => edit((draft) => void (draft.label[locale] = value), `label/${locale}`)} />
      <LocalizedTextField label="Description" value={item.description} onChange={(value, locale) => edit((draft) => void (draft.description[locale] = value), `description/${locale}`)} />
      <SelectField
        label="Clicking it"
        value={action.kind}
        options={[['none', 'Does nothing else'], ...(firstFlow ? [['startFlow', 'Starts a flow'] as const] : []), ['openUrl', 'Opens a link']]}
        onChange={(kind) => edit((draft) => void (draft.action = (kind === 'startFlow' ? { kind, flowId: firstFlow! } : kind === 'openUrl' ? { kind, url: 'https://example.com', newTab: false } : { kind }) as ChecklistAction))}
      />
      {action.kind === 'startFlow' ? <SelectField label="Flow to start" value={action.flowId} options={flowOptions} onChange={(flowId) => edit((draft) => void (draft.action = { kind: 'startFlow', flowId }))} /> : null}
      {action.kind === 'openUrl' ? (
        <>
          <CheckedTextField label="Link" value={action.url} problem={webUrlProblem} onCommit={(url) => edit((draft) => void (draft.action = { ...action, url: url.trim() }), 'url')} />
          <CheckboxField label="In a new tab" checked={action.newTab} onChange={(newTab) => edit((draft) => void (draft.action = { ...action, newTab }))} />
        </>
      ) : null}
      <SelectField
        label="Done when"
        value={doneWhen.kind}
        options={[['clicked', 'It is clicked'], ...(firstFlow ? [['flowCompleted', 'A flow is completed'] as const] : []), ['urlVisited', 'A page is visited'], ['event', 'A named event fires']]}
        onChange={(kind) =>
          edit(
            (draft) =>
              void (draft.doneWhen = (
                kind === 'flowCompleted'
                  ? { kind, flowId: action.kind === 'startFlow' ? action.flowId : firstFlow! }
                  : kind === 'urlVisited'
                    ? { kind, rule: { match: 'contains', value: '/done', exclude: false } }
                    : kind === 'event'
                      ? { kind, name: 'item-done' }
                      : { kind }
              ) as ChecklistDoneWhen),
          )
        }
      />
      {doneWhen.kind === 'flowCompleted' ? <SelectField label="Flow" value={doneWhen.flowId} options={flowOptions} onChange={(flowId) => edit((draft) => void (draft.doneWhen = { kind: 'flowCompleted', flowId }))} /> : null}
      {doneWhen.kind === 'urlVisited' ? (
        <CheckedTextField
          label="URL contains"
          value={doneWhen.rule.value}
          problem={(value) => (urlRuleSchema.safeParse({ ...doneWhen.rule, value }).success ? null : 'Enter part of the page address, e.g. /invoices/new.')}
          onCommit={(value) => edit((draft) => void (draft.doneWhen = { kind: 'urlVisited', rule: { ...doneWhen.rule, value } }), 'doneUrl')}
        />
      ) : null}
      {doneWhen.kind === 'event' ? (
        <CheckedTextField label="Event name" value={doneWhen.name} problem={(value) => (value.trim() ? null : 'Name the event your code sends with player.track().')} onCommit={(name) => edit((draft) => void (draft.doneWhen = { kind: 'event', name: name.trim() }), 'doneEvent')} />
      ) : null}
    </Section>
  );
}
