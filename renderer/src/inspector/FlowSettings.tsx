import type { Flow } from '../../../shared/model/flow';
import type { Targeting, UrlRule, UserRule } from '../../../shared/model/targeting';
import { urlRuleSchema, userRuleSchema } from '../../../shared/model/targeting';
import { selectorProblem } from '../screens/selectorProblem';
import { updateFlow } from '../store/flowActions';
import { Icon } from '../ui/Icon';
import { CheckboxField, CheckedTextField, SecondsField, Section, SelectField } from './fields';

const MATCHES = [
  ['contains', 'URL contains'],
  ['exact', 'URL is exactly'],
  ['glob', 'URL matches pattern (* wildcards)'],
  ['regex', 'URL matches regular expression'],
] as const;
/** What the value means for each kind of match, as urlRules.ts implements it and the README documents it. */
const VALUE_HINTS: Record<UrlRule['match'], string> = {
  contains: 'Any part of the address, e.g. /invoices.',
  exact: 'The whole address (https://…) or, starting with "/", the path with its query; a trailing "/" does not matter.',
  glob: 'Starting with "/", the path; else the whole address. "*" is any text within one path segment, "**" any text across segments; "?" is a plain character. The query (?…) and the hash (#…) count only if the pattern has them; a trailing "/" does not matter. E.g. /projects/*/settings, **/billing, /search?q=*.',
  regex: 'A JavaScript regular expression searched in the whole address (https://…), or in the path if it starts with "/".',
};
const OPERATORS = [
  ['equals', 'equals'],
  ['notEquals', 'does not equal'],
  ['contains', 'contains'],
  ['greaterThan', 'is greater than'],
  ['lessThan', 'is less than'],
  ['exists', 'is set'],
  ['notExists', 'is not set'],
] as const;

/** The problem zod finds with a rule's value, in the words the schema uses. */
function urlValueProblem(rule: UrlRule, value: string): string | null {
  const parsed = urlRuleSchema.safeParse({ ...rule, value });
  return parsed.success ? null : `The value ${parsed.error.issues[0]?.message ?? 'is not valid'}.`;
}

/** Changes the targeting being edited (a flow's, or a resource center section's); a merge key makes typing one undo step. */
export type EditTargeting = (recipe: (targeting: Targeting) => void, mergeKey?: string) => void;

function UrlRuleRow({ editTargeting, rule, index }: { editTargeting: EditTargeting; rule: UrlRule; index: number }) {
  const edit = (recipe: (draft: UrlRule) => void, key?: string) => editTargeting((targeting) => recipe(targeting.urls[index]!), key && `url${index}/${key}`);
  return (
    <div className="rule-row" role="group" aria-label={`URL rule ${index + 1}`}>
      <SelectField
        label="Match"
        value={rule.match}
        options={MATCHES}
        onChange={(match) => {
          // Switching to regex must not store a value that is no valid regular expression.
          if (!urlRuleSchema.safeParse({ ...rule, match }).success) return;
          edit((draft) => void (draft.match = match));
        }}
      />
      <CheckedTextField label="Value" value={rule.value} placeholder="/invoices" hint={VALUE_HINTS[rule.match]} problem={(value) => urlValueProblem(rule, value)} onCommit={(value) => edit((draft) => void (draft.value = value), 'value')} />
      <div className="rule-row-end">
        <CheckboxField label="Exclude" checked={rule.exclude} onChange={(exclude) => edit((draft) => void (draft.exclude = exclude))} />
        <button type="button" className="icon-button danger" aria-label={`Remove URL rule ${index + 1}`} onClick={() => editTargeting((targeting) => void targeting.urls.splice(index, 1))}>
          <Icon name="trash" size={14} />
        </button>
      </div>
    </div>
  );
}

function UserRuleRow({ editTargeting, rule, index }: { editTargeting: EditTargeting; rule: UserRule; index: number }) {
  const edit = (recipe: (draft: UserRule) => void, key?: string) => editTargeting((targeting) => recipe(targeting.users[index]!), key && `user${index}/${key}`);
  const needsValue = rule.operator !== 'exists' && rule.operator !== 'notExists';
  return (
    <div className="rule-row" role="group" aria-label={`User rule ${index + 1}`}>
      <CheckedTextField label="User attribute" value={rule.attribute} placeholder="plan" problem={(value) => (userRuleSchema.shape.attribute.safeParse(value).success ? null : 'Name the user attribute, e.g. plan.')} onCommit={(value) => edit((draft) => void (draft.attribute = value), 'attribute')} />
      <SelectField label="Operator" value={rule.operator} options={OPERATORS} onChange={(operator) => edit((draft) => void (draft.operator = operator))} />
      {needsValue ? <CheckedTextField label="Value" value={String(rule.value ?? '')} problem={() => null} onCommit={(value) => edit((draft) => void (draft.value = value), 'value')} /> : null}
      <div className="rule-row-end">
        <button type="button" className="icon-button danger" aria-label={`Remove user rule ${index + 1}`} onClick={() => editTargeting((targeting) => void targeting.users.splice(index, 1))}>
          <Icon name="trash" size={14} />
        </button>
      </div>
    </div>
  );
}

/** What every flow has: name, status, when it starts, for which pages and users, how often. */
export function FlowSettings({ flow }: { flow: Flow }) {
  const id = flow.id;
  const trigger = flow.trigger;
  return (
    <>
      <Section title="Flow">
        <CheckedTextField label="Name" value={flow.name} problem={(value) => (value.trim() ? null : 'A flow needs a name.')} onCommit={(name) => updateFlow(id, (draft) => void (draft.name = name.trim()), 'name')} />
        <SelectField label="Status" value={flow.status} options={[['draft', 'Draft'], ['ready', 'Ready to export']]} onChange={(status) => updateFlow(id, (draft) => void (draft.status = status))} />
      </Section>
      <Section title="Trigger">
        <SelectField
          label="Starts"
          value={trigger.kind}
          options={[['pageLoad', 'When a matching page loads'], ['delay', 'After a delay on a matching page'], ['click', 'When an element is clicked'], ['manual', 'Only from code (player.start)']]}
          onChange={(kind) =>
            updateFlow(id, (draft) => {
              draft.trigger = kind === 'delay' ? { kind, ms: 3_000 } : kind === 'click' ? { kind, selector: '#help' } : { kind };
            })
          }
        />
        {trigger.kind === 'delay' ? <SecondsField label="Delay" valueMs={trigger.ms} maxSeconds={600} onChange={(ms) => updateFlow(id, (draft) => void (draft.trigger = { kind: 'delay', ms }), 'delay')} /> : null}
        {trigger.kind === 'click' ? <CheckedTextField label="Element selector" value={trigger.selector} problem={selectorProblem} onCommit={(selector) => updateFlow(id, (draft) => void (draft.trigger = { kind: 'click', selector: selector.trim() }), 'clickSelector')} /> : null}
        {flow.kind === 'resourceCenter' ? (
          // The player shows a resource center's launcher on every page it targets: a frequency would be ignored.
          <p className="muted small">The launcher shows on every matching page, from the moment above; “how often” does not apply to a resource center.</p>
        ) : (
          <SelectField
            label="How often"
            value={flow.frequency}
            options={[['once', 'Once per user'], ['everySession', 'Every session'], ['untilCompleted', 'Until completed']]}
            onChange={(frequency) => updateFlow(id, (draft) => void (draft.frequency = frequency))}
          />
        )}
      </Section>
      <TargetingSections targeting={flow.targeting} editTargeting={(recipe, key) => updateFlow(id, (draft) => recipe(draft.targeting), key)} />
    </>
  );
}

/** Which pages and users: the URL and user rules of a flow, or of a resource center section. */
export function TargetingSections({ targeting, editTargeting, everyPage = 'Every page. Add a rule to limit it.' }: { targeting: Targeting; editTargeting: EditTargeting; everyPage?: string }) {
  return (
    <>
      <Section
        title="Pages"
        actions={
          <button type="button" className="button small" onClick={() => editTargeting((draft) => void draft.urls.push({ match: 'contains', value: '/', exclude: false }))}>
            + URL rule
          </button>
        }
      >
        {targeting.urls.length === 0 ? <p className="muted small">{everyPage}</p> : null}
        {targeting.urls.map((rule, index) => (
          <UrlRuleRow key={index} editTargeting={editTargeting} rule={rule} index={index} />
        ))}
      </Section>
      <Section
        title="Users"
        actions={
          <button type="button" className="button small" onClick={() => editTargeting((draft) => void draft.users.push({ attribute: 'plan', operator: 'equals', value: 'free' }))}>
            + User rule
          </button>
        }
      >
        {targeting.users.length === 0 ? <p className="muted small">Every user. Rules use the traits your developers pass to the player.</p> : null}
        {targeting.users.map((rule, index) => (
          <UserRuleRow key={index} editTargeting={editTargeting} rule={rule} index={index} />
        ))}
      </Section>
    </>
  );
}
