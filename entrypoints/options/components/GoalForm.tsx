import { useEffect, useRef } from 'preact/hooks';
import { NameAndId } from './NameAndId';
import { TRIGGER_KINDS } from '@/lib/goals/schema';
import type { GoalCategory, TriggerKind } from '@/lib/goals/types';
import { CATEGORY_LABELS, TRIGGER_LABELS } from '@/lib/words';
import { TRIGGER_FIELDS, withName, type GoalDraft, type TriggerField, type VideoAction } from '@/lib/plans/goal-draft';
import { cancelGoal, goalErrors, saveGoal, takenIds, updateDraft } from '../state';
import { ErrorList } from './ErrorList';
import { TagFields } from './TagFields';

interface Props {
  draft: GoalDraft;
  isNew: boolean;
  planName: string;
}

const CATEGORIES = Object.keys(CATEGORY_LABELS) as GoalCategory[];
const VIDEO_ACTIONS: readonly [VideoAction, string][] = [
  ['play', 'it starts playing'],
  ['progress', 'it has been watched to a percent'],
  ['complete', 'it has been watched to the end'],
];

function TriggerInput({ field, draft }: { field: TriggerField; draft: GoalDraft }) {
  const id = `trigger-${field.key}`;
  const hint = field.hint ? `${id}-hint` : undefined;
  const label = (
    <label for={id}>
      {field.label}
      {field.required ? <span aria-hidden="true"> *</span> : null}
    </label>
  );
  if (field.type === 'action') {
    return (
      <div class="field">
        {label}
        <select
          id={id}
          value={draft.trigger.action}
          data-testid={id}
          onChange={(e) => {
            const action = e.currentTarget.value as VideoAction;
            updateDraft((d) => ({ ...d, trigger: { ...d.trigger, action } }));
          }}
        >
          {VIDEO_ACTIONS.map(([value, words]) => (
            <option key={value} value={value}>
              {words}
            </option>
          ))}
        </select>
      </div>
    );
  }
  // "percent" only means something for video progress.
  if (field.key === 'percent' && draft.trigger.kind === 'video' && draft.trigger.action !== 'progress') return null;
  const key = field.key;
  return (
    <div class="field">
      {label}
      <input
        id={id}
        type="text"
        inputMode={field.type === 'number' ? 'numeric' : undefined}
        value={draft.trigger[key]}
        placeholder={field.placeholder}
        required={field.required}
        aria-describedby={hint}
        data-testid={id}
        onInput={(e) => {
          const value = e.currentTarget.value;
          updateDraft((d) => ({ ...d, trigger: { ...d.trigger, [key]: value } }));
        }}
      />
      {field.hint ? <small id={hint}>{field.hint}</small> : null}
    </div>
  );
}

export function GoalForm({ draft, isNew, planName }: Props) {
  const first = useRef<HTMLInputElement>(null);
  // The form opens below the goals: take the keyboard and the eyes there.
  useEffect(() => {
    first.current?.focus();
    first.current?.scrollIntoView({ block: 'center' });
  }, []);
  return (
    <form
      class="goal-form"
      data-testid="goal-form"
      aria-labelledby="goal-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        void saveGoal();
      }}
    >
      <h3 id="goal-form-title">{isNew ? `New goal in “${planName}”` : `Edit goal “${draft.name || draft.id}”`}</h3>
      <fieldset>
        <legend>The goal</legend>
        <NameAndId
          kind="goal"
          name={draft.name}
          id={draft.id}
          placeholder="Newsletter signup"
          hint="Made from the name. Reports use it; a site plan’s goal replaces the general goal with the same id."
          nameRef={first}
          onName={(name) => updateDraft((d) => withName(d, name, takenIds()))}
          onId={(id) => updateDraft((d) => ({ ...d, id, idEdited: true }))}
        />
        <div class="field">
          <label for="goal-category">Category</label>
          <select
            id="goal-category"
            value={draft.category}
            data-testid="goal-category"
            onChange={(e) => {
              const category = e.currentTarget.value as GoalCategory | '';
              updateDraft((d) => ({ ...d, category }));
            }}
          >
            <option value="">None</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABELS[c]}
              </option>
            ))}
          </select>
        </div>
      </fieldset>

      <fieldset>
        <legend>Happens when</legend>
        <div class="field">
          <label for="trigger-kind">What the visitor does</label>
          <select
            id="trigger-kind"
            value={draft.trigger.kind}
            data-testid="trigger-kind"
            onChange={(e) => {
              const kind = e.currentTarget.value as TriggerKind;
              updateDraft((d) => ({ ...d, trigger: { ...d.trigger, kind } }));
            }}
          >
            {TRIGGER_KINDS.map((k) => (
              <option key={k} value={k}>
                {TRIGGER_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        {TRIGGER_FIELDS[draft.trigger.kind].map((f) => (
          <TriggerInput key={`${draft.trigger.kind}-${f.key}`} field={f} draft={draft} />
        ))}
      </fieldset>

      <TagFields tags={draft.expect} />

      <details class="advanced" open={draft.windowMs !== '' || draft.scope !== ''}>
        <summary>More options</summary>
        <div class="field">
          <label for="goal-window">Wait for tags (milliseconds)</label>
          <input
            id="goal-window"
            inputMode="numeric"
            value={draft.windowMs}
            placeholder="5000"
            aria-describedby="goal-window-hint"
            data-testid="goal-window"
            onInput={(e) => {
              const windowMs = e.currentTarget.value;
              updateDraft((d) => ({ ...d, windowMs }));
            }}
          />
          <small id="goal-window-hint">How long after the goal a tag may arrive and still count. Default 5000.</small>
        </div>
        <div class="field">
          <label for="goal-scope">Only on these pages</label>
          <textarea
            id="goal-scope"
            rows={2}
            value={draft.scope}
            placeholder="*/checkout*"
            aria-describedby="goal-scope-hint"
            data-testid="goal-scope"
            onInput={(e) => {
              const scope = e.currentTarget.value;
              updateDraft((d) => ({ ...d, scope }));
            }}
          />
          <small id="goal-scope-hint">One site or address pattern per line. Empty: wherever the plan applies.</small>
        </div>
      </details>

      <ErrorList errors={goalErrors.value} testId="goal-errors" />
      <div class="toolbar">
        <button type="submit" class="primary" data-testid="save-goal">
          Save goal
        </button>
        <button type="button" onClick={cancelGoal} data-testid="cancel-goal">
          Cancel
        </button>
      </div>
    </form>
  );
}
