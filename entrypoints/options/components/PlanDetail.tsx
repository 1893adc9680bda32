import { useEffect, useRef, useState } from 'preact/hooks';
import type { Plan } from '@/lib/goals/types';
import { CATEGORY_LABELS, expectListWords } from '@/lib/words';
import { TriggerText } from './TriggerText';
import { deleteGoal, editing, savePlanSettings, startEditGoal, startNewGoal } from '../state';
import { DeleteButton } from './DeleteButton';
import { Funnels } from './Funnels';
import { GoalForm } from './GoalForm';

interface Props {
  index: number;
  plan: Plan;
}

export function PlanDetail({ index, plan }: Props) {
  const [name, setName] = useState(plan.name);
  const [scope, setScope] = useState((plan.scope ?? []).join('\n'));
  const [confirming, setConfirming] = useState<string | null>(null);
  const edit = editing.value?.planIndex === index ? editing.value : null;
  const addButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  // Back to "Add a goal" when the form closes, so the keyboard is not left on a removed element.
  useEffect(() => {
    if (wasEditing.current && !edit) addButton.current?.focus();
    wasEditing.current = edit !== null;
  }, [edit !== null]);
  return (
    <section aria-labelledby="plan-title" data-testid="plan-detail">
      <h2 id="plan-title">{plan.name}</h2>
      <form
        class="plan-settings"
        onSubmit={(e) => {
          e.preventDefault();
          void savePlanSettings(index, name, scope);
        }}
      >
        <div class="field">
          <label for="plan-name">Plan name</label>
          <input
            id="plan-name"
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
            data-testid="plan-name"
            required
          />
        </div>
        <div class="field">
          <label for="plan-scope">Applies to</label>
          <textarea
            id="plan-scope"
            rows={2}
            value={scope}
            placeholder={'https://shop.example\n*/checkout*'}
            onInput={(e) => setScope(e.currentTarget.value)}
            aria-describedby="plan-scope-hint"
            data-testid="plan-scope-input"
          />
          <small id="plan-scope-hint">
            One site (https://shop.example) or address pattern (*/checkout*) per line. Empty: every site.
          </small>
        </div>
        <button type="submit" data-testid="save-plan">
          Save name and sites
        </button>
      </form>

      <h3>Goals</h3>
      {plan.goals.length === 0 ? <p class="empty">No goal yet.</p> : null}
      <table class="goals">
        <thead>
          <tr>
            <th scope="col">Goal</th>
            <th scope="col">Category</th>
            <th scope="col">Happens when</th>
            <th scope="col">Tags expected</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {plan.goals.map((goal) => (
            <tr key={goal.id} data-testid="goal-row" data-goal-id={goal.id}>
              <th scope="row">
                {goal.name}
                <div class="id">{goal.id}</div>
              </th>
              <td>{goal.category ? CATEGORY_LABELS[goal.category] : '—'}</td>
              <td data-testid="goal-trigger">
                <TriggerText trigger={goal.trigger} />
                {goal.scope ? <div class="id">only on {goal.scope.join(', ')}</div> : null}
              </td>
              <td data-testid="goal-expect">{expectListWords(goal.expect)}</td>
              <td class="actions">
                <button type="button" onClick={() => startEditGoal(index, goal)} data-testid="edit-goal">
                  Edit<span class="visually-hidden"> {goal.name}</span>
                </button>
                <DeleteButton
                  name={goal.name}
                  what="goal"
                  confirming={confirming === goal.id}
                  setConfirming={(on) => setConfirming(on ? goal.id : null)}
                  onDelete={() => void deleteGoal(index, goal.id)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {edit ? (
        <GoalForm draft={edit.draft} isNew={edit.originalId === undefined} planName={plan.name} />
      ) : (
        <button type="button" ref={addButton} onClick={() => startNewGoal(index)} data-testid="add-goal">
          Add a goal
        </button>
      )}
      <Funnels index={index} plan={plan} />
    </section>
  );
}
