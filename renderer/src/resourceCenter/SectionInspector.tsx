import type { FlowOf } from '../../../shared/model/flow';
import { resourceCenterSectionSchema, type ResourceCenterSection } from '../../../shared/model/resourceCenter';
import { CheckboxField, CheckedTextField, LocalizedTextField, Section } from '../inspector/fields';
import { TargetingSections } from '../inspector/FlowSettings';
import { updateSection } from '../store/resourceCenterActions';
import { ProblemNotes } from './resourceCenterProblems';
import { rowNoun, sectionKindLabel } from './sectionNames';

type RcFlow = FlowOf<'resourceCenter'>;
type Contact = Extract<ResourceCenterSection, { kind: 'contact' }>;

/** The schema's own words for a contact field's value ("must be an e-mail address like help@example.com"), or null when it may be stored. */
function contactProblem(section: Contact, field: 'email' | 'url' | 'phone', value: string): string | null {
  if (!value.trim()) return null;
  const parsed = resourceCenterSectionSchema.safeParse({ ...section, [field]: value.trim() });
  const issue = parsed.success ? undefined : parsed.error.issues.find((candidate) => candidate.path[0] === field);
  return issue ? `This ${issue.message}.` : null;
}

function ContactFields({ flowId, section }: { flowId: string; section: Contact }) {
  const set = (field: 'email' | 'url' | 'phone') => (value: string) =>
    updateSection<'contact'>(flowId, section.id, (draft) => (value.trim() ? void (draft[field] = value.trim()) : void delete draft[field]), field);
  return (
    <Section title="How to reach you">
      <p className="muted small">At least one of e-mail, link or phone. The panel offers them from every view and when a search finds nothing.</p>
      <CheckedTextField label="E-mail" value={section.email ?? ''} placeholder="help@example.com" problem={(value) => contactProblem(section, 'email', value)} onCommit={set('email')} />
      <CheckedTextField label="Chat or ticket form (link)" value={section.url ?? ''} placeholder="https://example.com/support" problem={(value) => contactProblem(section, 'url', value)} onCommit={set('url')} />
      {section.url ? (
        <LocalizedTextField label="Link text" value={section.urlLabel} placeholder="e.g. Chat with us" onChange={(value, locale) => updateSection<'contact'>(flowId, section.id, (draft) => void (draft.urlLabel[locale] = value), `urlLabel/${locale}`)} />
      ) : null}
      <CheckedTextField label="Phone" value={section.phone ?? ''} placeholder="+1 555 010 0100" problem={(value) => contactProblem(section, 'phone', value)} onCommit={set('phone')} />
      <LocalizedTextField label="Opening hours" value={section.hours} placeholder="e.g. Monday to Friday, 9:00 to 17:00" onChange={(value, locale) => updateSection<'contact'>(flowId, section.id, (draft) => void (draft.hours[locale] = value), `hours/${locale}`)} />
    </Section>
  );
}

/** One section of the panel: its title, what its kind needs, and which pages and users see it. */
export function SectionInspector({ flow, section }: { flow: RcFlow; section: ResourceCenterSection }) {
  const index = flow.resourceCenter.sections.findIndex((candidate) => candidate.id === section.id);
  const noun = rowNoun(section.kind);
  return (
    <>
      <Section title={`Section ${index + 1} of ${flow.resourceCenter.sections.length} · ${sectionKindLabel(section.kind)}`}>
        <ProblemNotes ids={[section.id]} label="Problems of this section" />
        {section.kind !== 'search' ? (
          <LocalizedTextField label="Title" value={section.title} onChange={(value, locale) => updateSection(flow.id, section.id, (draft) => void (draft.title[locale] = value), `title/${locale}`)} />
        ) : (
          <p className="muted small">A search box over the articles and guides of every section shown on the page: offline, as the user types, in their language.</p>
        )}
        {section.kind === 'announcements' ? (
          <CheckboxField label="Open the panel by itself when there is an announcement the user has not read" checked={section.autoOpen} onChange={(autoOpen) => updateSection<'announcements'>(flow.id, section.id, (draft) => void (draft.autoOpen = autoOpen))} />
        ) : null}
        {noun ? <p className="muted small">Its {noun}s are listed under it in the outline: select one to edit it, drag to reorder.</p> : null}
      </Section>
      {section.kind === 'contact' ? <ContactFields flowId={flow.id} section={section} /> : null}
      <TargetingSections
        targeting={section.targeting}
        everyPage="Every page the resource center shows on. Add a rule to show this section on some pages only."
        editTargeting={(recipe, key) => updateSection(flow.id, section.id, (draft) => recipe(draft.targeting), key && `targeting/${key}`)}
      />
    </>
  );
}
