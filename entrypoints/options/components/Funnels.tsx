import { useEffect, useRef, useState } from 'preact/hooks';
import { NameAndId } from './NameAndId';
import type { Funnel, Plan } from '@/lib/goals/types';
import {
  addAlternative,
  addStep,
  moveStep,
  removeStep,
  renameFunnelDraft,
  setStepGoal,
  type FunnelDraft,
} from '@/lib/plans/funnel-draft';
import {
  cancelFunnel,
  deleteFunnel,
  editingFunnel,
  funnelErrors,
  saveFunnel,
  startEditFunnel,
  startNewFunnel,
  takenFunnelIds,
  updateFunnelDraft,
} from '../state';
import { DeleteButton } from './DeleteButton';
import { ErrorList } from './ErrorList';

interface Props {
  index: number;
  plan: Plan;
}

/** `Product view → Add to cart → Lead form or Demo request`: the steps by their goals' names. */
function stepsWords(plan: Plan, funnel: Funnel): string {
  const name = (id: string) => plan.goals.find((g) => g.id === id)?.name ?? id;
  return funnel.steps.map((s) => (typeof s === 'string' ? name(s) : s.map(name).join(' or '))).join(' → ');
}

/** The plan's funnels: the micro-conversions on the way to a macro conversion, in order, each editable. */
export function Funnels({ index, plan }: Props) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const edit = editingFunnel.value?.planIndex === index ? editingFunnel.value : null;
  const funnels = plan.funnels ?? [];
  const addButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && !edit) addButton.current?.focus();
    wasEditing.current = edit !== null;
  }, [edit !== null]);
  return (
    <>
      <h3>Funnels</h3>
      <p class="hint">
        The steps a visitor takes toward the conversion, in order. Tagwatch shows which steps each visit reached, and
        flags a step that happened while its tags were not sent.
      </p>
      {funnels.length === 0 ? <p class="empty">No funnel yet.</p> : null}
      <ul class="funnels">
        {funnels.map((funnel) => (
          <li key={funnel.id} data-testid="funnel-row" data-funnel-id={funnel.id}>
            <div>
              <strong>{funnel.name}</strong> <span class="id">{funnel.id}</span>
              <div data-testid="funnel-steps">{stepsWords(plan, funnel)}</div>
            </div>
            <div class="actions">
              <button type="button" onClick={() => startEditFunnel(index, funnel)} data-testid="edit-funnel">
                Edit<span class="visually-hidden"> {funnel.name}</span>
              </button>
              <DeleteButton
                name={funnel.name}
                what="funnel"
                confirming={confirming === funnel.id}
                setConfirming={(on) => setConfirming(on ? funnel.id : null)}
                onDelete={() => void deleteFunnel(index, funnel.id)}
              />
            </div>
          </li>
        ))}
      </ul>
      {edit ? (
        <FunnelForm draft={edit.draft} isNew={edit.originalId === undefined} plan={plan} />
      ) : plan.goals.length < 2 ? (
        <p class="hint">A funnel needs at least two goals in this plan.</p>
      ) : (
        <button type="button" ref={addButton} onClick={() => startNewFunnel(index)} data-testid="add-funnel">
          Add a funnel
        </button>
      )}
    </>
  );
}

function GoalSelect({
  plan,
  value,
  label,
  onChange,
}: {
  plan: Plan;
  value: string;
  label: string;
  onChange: (goalId: string) => void;
}) {
  return (
    <select value={value} aria-label={label} data-testid="step-goal" onChange={(e) => onChange(e.currentTarget.value)}>
      <option value="">Choose a goal…</option>
      {plan.goals.map((g) => (
        <option key={g.id} value={g.id}>
          {g.name}
        </option>
      ))}
    </select>
  );
}

function FunnelForm({ draft, isNew, plan }: { draft: FunnelDraft; isNew: boolean; plan: Plan }) {
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    first.current?.focus();
    first.current?.scrollIntoView({ block: 'center' });
  }, []);
  const last = draft.steps.length - 1;
  return (
    <form
      class="goal-form"
      data-testid="funnel-form"
      aria-labelledby="funnel-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        void saveFunnel();
      }}
    >
      <h3 id="funnel-form-title">
        {isNew ? `New funnel in “${plan.name}”` : `Edit funnel “${draft.name || draft.id}”`}
      </h3>
      <NameAndId
        kind="funnel"
        name={draft.name}
        id={draft.id}
        placeholder="Checkout"
        hint={'Made from the name. Journeys name it: { "expectFunnel": "…" }.'}
        nameRef={first}
        onName={(name) => updateFunnelDraft((d) => renameFunnelDraft(d, name, takenFunnelIds()))}
        onId={(id) => updateFunnelDraft((d) => ({ ...d, id, idEdited: true }))}
      />
      <fieldset>
        <legend>Steps, in the order a visitor takes them</legend>
        <ol class="steps">
          {draft.steps.map((step, i) => (
            <li key={i} data-testid="funnel-step">
              {step.map((goalId, choice) => (
                <span key={choice} class="choice">
                  {choice > 0 ? ' or ' : null}
                  <GoalSelect
                    plan={plan}
                    value={goalId}
                    label={choice === 0 ? `Step ${i + 1}` : `Step ${i + 1}, alternative ${choice}`}
                    onChange={(id) => updateFunnelDraft((d) => setStepGoal(d, i, choice, id))}
                  />
                </span>
              ))}
              <span class="step-actions">
                <button
                  type="button"
                  onClick={() => updateFunnelDraft((d) => addAlternative(d, i))}
                  data-testid="add-alternative"
                >
                  Or…<span class="visually-hidden"> another goal for step {i + 1}</span>
                </button>
                <button type="button" disabled={i === 0} onClick={() => updateFunnelDraft((d) => moveStep(d, i, -1))}>
                  ↑<span class="visually-hidden"> Move step {i + 1} up</span>
                </button>
                <button type="button" disabled={i === last} onClick={() => updateFunnelDraft((d) => moveStep(d, i, 1))}>
                  ↓<span class="visually-hidden"> Move step {i + 1} down</span>
                </button>
                <button
                  type="button"
                  onClick={() => updateFunnelDraft((d) => removeStep(d, i))}
                  data-testid="remove-step"
                >
                  Remove<span class="visually-hidden"> step {i + 1}</span>
                </button>
              </span>
            </li>
          ))}
        </ol>
        <button type="button" onClick={() => updateFunnelDraft((d) => addStep(d, plan))} data-testid="add-step">
          Add a step
        </button>
      </fieldset>
      <ErrorList errors={funnelErrors.value} testId="funnel-errors" />
      <div class="toolbar">
        <button type="submit" class="primary" data-testid="save-funnel">
          Save funnel
        </button>
        <button type="button" onClick={cancelFunnel} data-testid="cancel-funnel">
          Cancel
        </button>
      </div>
    </form>
  );
}
