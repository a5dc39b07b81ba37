import type { AdvanceOn, StepButton } from '../../../shared/model/tour';
import type { FlowOf, TourStep } from '../../../shared/model/flow';
import { updateItem } from '../store/flowItems';
import { Icon } from '../ui/Icon';
import { AnchorField } from './AnchorField';
import { CheckboxField, CheckedTextField, LocalizedTextField, NumberField, Section, SelectField } from './fields';
import { useEditingLocale } from '../store/editingLocale';
import { PLACEMENTS, ALIGNMENTS, MARKDOWN_HINT, webUrlProblem } from './options';

const BUTTON_ACTIONS = [
  ['next', 'Next'],
  ['back', 'Back'],
  ['close', 'Close'],
  ['link', 'Open a link'],
] as const;

/** Everything about one tour step. */
export function StepInspector({ flow, step, index }: { flow: FlowOf<'tour'>; step: TourStep; index: number }) {
  const { defaultLocale } = useEditingLocale();
  const edit = (recipe: (draft: TourStep) => void, key?: string) => updateItem<TourStep>(flow.id, step.id, (draft) => recipe(draft as TourStep), key);
  const setText = (field: 'title' | 'body') => (value: string, locale: string) => edit((draft) => void (draft[field][locale] = value), `${field}/${locale}`);
  const editButton = (buttonIndex: number, recipe: (button: StepButton) => void, key?: string) => edit((draft) => recipe(draft.buttons[buttonIndex]!), key && `button${buttonIndex}/${key}`);
  return (
    <>
      <Section title={`Step ${index + 1} of ${flow.tour.steps.length}`}>
        <SelectField label="Type" value={step.type} options={[['tooltip', 'Tooltip (points at an element)'], ['modal', 'Modal (centred)']]} onChange={(type) => edit((draft) => void (draft.type = type))} />
        {step.type === 'tooltip' ? <AnchorField flowId={flow.id} itemId={step.id} anchor={step.anchor} onClear={() => edit((draft) => void delete draft.anchor)} /> : null}
        <LocalizedTextField label="Title" value={step.title} placeholder="e.g. Create your first invoice" onChange={setText('title')} />
        <LocalizedTextField label="Body" value={step.body} placeholder="e.g. Start here: it takes a minute." onChange={setText('body')} multiline hint={MARKDOWN_HINT} />
        <CheckedTextField
          label="Image URL (optional)"
          value={step.imageUrl ?? ''}
          placeholder="https://…/screenshot.png"
          problem={(value) => (value.trim() ? webUrlProblem(value) : null)}
          onCommit={(value) => edit((draft) => (value.trim() ? void (draft.imageUrl = value.trim()) : void delete draft.imageUrl), 'image')}
        />
      </Section>
      <Section
        title="Buttons"
        actions={
          step.buttons.length < 4 ? (
            <button type="button" className="button small" onClick={() => edit((draft) => void draft.buttons.push({ action: 'next', label: { [defaultLocale]: 'Next' } }))}>
              + Button
            </button>
          ) : null
        }
      >
        {step.buttons.length === 0 ? <p className="muted small">No buttons: add Next (and Back) so users can move through the tour.</p> : null}
        {step.buttons.map((button, buttonIndex) => (
          <div key={buttonIndex} className="rule-row" role="group" aria-label={`Button ${buttonIndex + 1}`}>
            <SelectField
              label="Does"
              value={button.action}
              options={BUTTON_ACTIONS}
              onChange={(action) => edit((draft) => void (draft.buttons[buttonIndex] = action === 'link' ? { action, label: button.label, url: 'https://' } : { action, label: button.label }))}
            />
            <LocalizedTextField label="Label" value={button.label} onChange={(value, locale) => editButton(buttonIndex, (draft) => void (draft.label[locale] = value), `label/${locale}`)} />
            {button.action === 'link' ? (
              <CheckedTextField label="Link" value={button.url} problem={webUrlProblem} onCommit={(url) => editButton(buttonIndex, (draft) => void (draft.action === 'link' && (draft.url = url.trim())), 'url')} />
            ) : null}
            <div className="rule-row-end">
              <button type="button" className="icon-button danger" aria-label={`Remove button ${buttonIndex + 1}`} onClick={() => edit((draft) => void draft.buttons.splice(buttonIndex, 1))}>
                <Icon name="trash" size={14} />
              </button>
            </div>
          </div>
        ))}
      </Section>
      <Section title="Behaviour">
        {step.type === 'tooltip' ? (
          <div className="field-row">
            <SelectField label="Placement" value={step.placement} options={PLACEMENTS} onChange={(placement) => edit((draft) => void (draft.placement = placement))} />
            <SelectField label="Alignment" value={step.alignment} options={ALIGNMENTS} onChange={(alignment) => edit((draft) => void (draft.alignment = alignment))} />
          </div>
        ) : null}
        <CheckboxField label="Dim the page (backdrop)" checked={step.backdrop} onChange={(backdrop) => edit((draft) => void (draft.backdrop = backdrop))} />
        {step.type === 'tooltip' && step.backdrop ? <NumberField label="Spotlight padding" unit="px" min={0} max={64} value={step.spotlightPadding} onChange={(value) => edit((draft) => void (draft.spotlightPadding = value), 'spotlight')} /> : null}
        <SelectField
          label="Advance"
          value={step.advanceOn.kind}
          options={[['next', 'On Next'], ['targetClick', 'When the target is clicked'], ['event', 'On a named event']]}
          onChange={(kind) => edit((draft) => void (draft.advanceOn = (kind === 'event' ? { kind, name: 'step-done' } : { kind }) as AdvanceOn))}
        />
        {step.advanceOn.kind === 'event' ? (
          <CheckedTextField
            label="Event name"
            value={step.advanceOn.name}
            problem={(value) => (value.trim() ? null : 'Name the event your code sends with player.track().')}
            onCommit={(name) => edit((draft) => void (draft.advanceOn = { kind: 'event', name: name.trim() }), 'event')}
          />
        ) : null}
        <CheckboxField label="Show progress (2 of 5)" checked={step.showProgress} onChange={(showProgress) => edit((draft) => void (draft.showProgress = showProgress))} />
        <CheckboxField label="Can be closed" checked={step.closable} onChange={(closable) => edit((draft) => void (draft.closable = closable))} />
        {step.type === 'tooltip' ? (
          <div className="field-row">
            <NumberField label="Wait for the element" unit="ms" min={0} max={60_000} value={step.missingTarget.waitMs} onChange={(waitMs) => edit((draft) => void (draft.missingTarget.waitMs = waitMs), 'wait')} />
            <SelectField
              label="If it never shows"
              value={step.missingTarget.then}
              options={[['center', 'Show centred'], ['skip', 'Skip the step'], ['end', 'End the tour']]}
              onChange={(then) => edit((draft) => void (draft.missingTarget.then = then))}
            />
          </div>
        ) : null}
      </Section>
    </>
  );
}
