import { useState } from 'preact/hooks';
import { PLAN_FORMAT_HINT } from '@/lib/goals/schema';
import { describeScope, goalCount } from '@/lib/words';
import { PRESETS } from '@/lib/plans/presets';
import {
  addPreset,
  createPlan,
  deletePlan,
  exportPlan,
  importErrors,
  importFile,
  importFileName,
  loaded,
  planErrors,
  plans,
  selected,
} from '../state';
import { ErrorList } from './ErrorList';
import { DeleteButton } from './DeleteButton';

export function PlanList() {
  const [preset, setPreset] = useState(PRESETS[0]!.id);
  const [confirming, setConfirming] = useState<number | null>(null);
  return (
    <section aria-labelledby="plans-title">
      <h2 id="plans-title">Plans in force</h2>
      {loaded.value && plans.value.length === 0 ? (
        <p class="empty">No plan: nothing is tracked. Add a preset or import a plan file.</p>
      ) : null}
      <table class="plans">
        <thead>
          <tr>
            <th scope="col">Plan</th>
            <th scope="col">Applies to</th>
            <th scope="col">Goals</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {plans.value.map((plan, i) => (
            <tr
              key={`${i}:${plan.name}`}
              data-testid="plan-row"
              aria-current={i === selected.value ? 'true' : undefined}
            >
              <th scope="row">
                <button type="button" class="link" onClick={() => (selected.value = i)} data-testid="open-plan">
                  {plan.name}
                </button>
              </th>
              <td data-testid="plan-scope">{describeScope(plan.scope)}</td>
              <td data-testid="plan-goal-count">{goalCount(plan.goals.length)}</td>
              <td class="actions">
                <button type="button" onClick={() => exportPlan(i)} data-testid="export-button">
                  Export<span class="visually-hidden"> {plan.name}</span>
                </button>
                <DeleteButton
                  name={plan.name}
                  what="plan"
                  confirming={confirming === i}
                  setConfirming={(on) => setConfirming(on ? i : null)}
                  onDelete={() => void deletePlan(i)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="toolbar">
        <button type="button" onClick={() => void createPlan()} data-testid="new-plan">
          New plan
        </button>
        <span class="group">
          <label for="preset">Start from a preset</label>
          <select
            id="preset"
            value={preset}
            onChange={(e) => setPreset(e.currentTarget.value)}
            data-testid="preset-select"
          >
            {PRESETS.map((p) => (
              <option key={p.id} value={p.id} title={p.description}>
                {p.label}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => void addPreset(preset)} data-testid="add-preset">
            Add preset
          </button>
        </span>
        <span class="group">
          <label for="import">Import a plan file (JSON)</label>
          <input
            id="import"
            type="file"
            accept=".json,application/json"
            data-testid="import-input"
            onChange={(e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              input.value = ''; // the same file can be picked again after fixing it
              if (file) void importFile(file);
            }}
          />
        </span>
      </div>
      <p class="hint">A preset or an imported plan replaces the plan of the same name, or is added.</p>
      <ErrorList
        errors={importErrors.value}
        testId="import-errors"
        title={`${importFileName.value} was refused — the plans in force are unchanged. Fix these and import it again:`}
        footer={PLAN_FORMAT_HINT}
      />
      <ErrorList errors={planErrors.value} testId="plan-errors" />
    </section>
  );
}
