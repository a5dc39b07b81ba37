import type { FlowOf } from '../../../shared/model/flow';
import type { ResourceCenterSection } from '../../../shared/model/resourceCenter';
import { LocalizedTextField, Section, SelectField } from '../inspector/fields';
import { useDocumentStore } from '../store/documentStore';
import { guideTargets, updateGuide } from '../store/resourceCenterActions';
import { ProblemNotes } from './resourceCenterProblems';

type Guides = Extract<ResourceCenterSection, { kind: 'guides' }>;

/** A guide: which tour or checklist it starts, and how the panel names it. */
export function GuideInspector({ flow, section, index }: { flow: FlowOf<'resourceCenter'>; section: Guides; index: number }) {
  const guide = section.items[index]!;
  const flows = useDocumentStore((state) => state.project?.flows);
  const targets = guideTargets(flows ?? []);
  const options = targets.map((target) => [target.id, `${target.name} (${target.kind === 'tour' ? 'tour' : 'checklist'})`] as const);
  const known = targets.some((target) => target.id === guide.flowId);
  const edit = (recipe: Parameters<typeof updateGuide>[3], key?: string) => updateGuide(flow.id, section.id, index, recipe, key);
  return (
    <Section title={`Guide ${index + 1} of ${section.items.length}`}>
      <ProblemNotes ids={[section.id]} label="Problems of this section" />
      <SelectField label="Starts" value={guide.flowId} options={known ? options : [[guide.flowId, '(a deleted flow: choose another)'], ...options]} onChange={(flowId) => edit((draft) => void (draft.flowId = flowId))} />
      <LocalizedTextField label="Title" value={guide.title} placeholder="e.g. Send your first invoice" onChange={(value, locale) => edit((draft) => void (draft.title[locale] = value), `title/${locale}`)} />
      <LocalizedTextField label="Description" value={guide.description} placeholder="e.g. Two minutes, five steps" onChange={(value, locale) => edit((draft) => void (draft.description[locale] = value), `description/${locale}`)} />
    </Section>
  );
}
