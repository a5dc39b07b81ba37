import type { FlowOf } from '../../../shared/model/flow';
import type { ResourceCenterBody } from '../../../shared/model/resourceCenter';
import { LocalizedTextField, Section, SelectField } from '../inspector/fields';
import { resourceCenterSelection, updateResourceCenter } from '../store/resourceCenterActions';
import { AnnouncementInspector } from './AnnouncementInspector';
import { ArticleEditor } from './ArticleEditor';
import { GuideInspector } from './GuideInspector';
import { ProblemNotes, ResourceCenterProblems } from './resourceCenterProblems';
import { SectionInspector } from './SectionInspector';
import './resourceCenter.css';

type RcFlow = FlowOf<'resourceCenter'>;
type Labels = ResourceCenterBody['labels'];

/** The panel's own words, in the order a user meets them. */
const LABELS: ReadonlyArray<readonly [keyof Labels, string, string?]> = [
  ['title', 'Panel title'],
  ['close', 'Close button'],
  ['searchPlaceholder', 'Search box placeholder'],
  ['results', 'Result count', '“{count}” is replaced by the number, e.g. {count} results.'],
  ['oneResult', 'One result'],
  ['noResults', 'Nothing found'],
  ['back', 'Back button'],
  ['related', 'Related articles heading'],
  ['helpful', 'Was this helpful?'],
  ['yes', 'Yes'],
  ['no', 'No'],
  ['commentPrompt', 'Comment prompt'],
  ['send', 'Send button'],
  ['thanks', 'Thanks after feedback'],
  ['done', 'Done mark of a guide'],
  ['contact', 'Contact button'],
];

function LauncherInspector({ flow }: { flow: RcFlow }) {
  const launcher = flow.resourceCenter.launcher;
  const edit = (recipe: (draft: ResourceCenterBody) => void, key?: string) => updateResourceCenter(flow.id, (draft) => recipe(draft as ResourceCenterBody), key);
  return (
    <Section title="Launcher">
      <ProblemNotes ids={['']} label="Problems of the resource center" />
      <div className="field-row">
        <SelectField label="Style" value={launcher.style} options={[['button', 'Round button'], ['tab', 'Tab on the edge']]} onChange={(style) => edit((draft) => void (draft.launcher.style = style))} />
        <SelectField
          label="Corner"
          value={launcher.position}
          options={[['bottom-right', 'Bottom right'], ['bottom-left', 'Bottom left'], ['top-right', 'Top right'], ['top-left', 'Top left']]}
          onChange={(position) => edit((draft) => void (draft.launcher.position = position))}
        />
      </div>
      <LocalizedTextField label="Label" value={launcher.label} placeholder="e.g. Help" onChange={(value, locale) => edit((draft) => void (draft.launcher.label[locale] = value), `launcher/${locale}`)} />
      <SelectField
        label="Icon"
        value={launcher.icon}
        options={[['help', 'Question mark'], ['book', 'Book'], ['chat', 'Speech bubble'], ['megaphone', 'Megaphone'], ['none', 'No icon']]}
        onChange={(icon) => edit((draft) => void (draft.launcher.icon = icon))}
      />
      <p className="muted small">Select a section in the outline to edit it; drag sections and articles to reorder them.</p>
    </Section>
  );
}

function PanelTexts({ flow }: { flow: RcFlow }) {
  const labels = flow.resourceCenter.labels;
  return (
    <Section title="Panel texts">
      <details className="rc-panel-texts">
        <summary>The panel’s own words ({LABELS.length}): title, search, feedback, buttons</summary>
        {LABELS.map(([key, label, hint]) => (
          <LocalizedTextField key={key} label={label} hint={hint} value={labels[key]} onChange={(value, locale) => updateResourceCenter(flow.id, (draft) => void (draft.labels[key][locale] = value), `labels/${key}/${locale}`)} />
        ))}
      </details>
    </Section>
  );
}

/**
 * The inspector of a resource center: with nothing selected in it, the launcher and the panel's
 * texts (the flow's settings follow, from Inspector.tsx); a selected section, article, guide or
 * announcement gets its own.
 */
export function ResourceCenterInspector({ flow, itemId }: { flow: RcFlow; itemId: string | undefined }) {
  const { section, row } = resourceCenterSelection(flow, itemId ? [itemId] : []);
  return (
    <ResourceCenterProblems flowId={flow.id}>
      {row?.kind === 'article' && section ? <ArticleEditor key={row.id} flow={flow} sectionId={section.id} article={row.article} /> : null}
      {row?.kind === 'announcement' && section?.kind === 'announcements' ? <AnnouncementInspector key={row.id} flow={flow} section={section} announcement={row.announcement} /> : null}
      {row?.kind === 'guide' && section?.kind === 'guides' ? <GuideInspector key={row.id} flow={flow} section={section} index={row.index} /> : null}
      {section && !row ? <SectionInspector key={section.id} flow={flow} section={section} /> : null}
      {!section ? (
        <>
          <LauncherInspector flow={flow} />
          <PanelTexts flow={flow} />
        </>
      ) : null}
    </ResourceCenterProblems>
  );
}
