import { useEffect, useState } from 'preact/hooks';
import type { ToolbarAction } from '@/lib/toolbar-action';
import { loadToolbarAction, saveToolbarAction } from '../storage';

const CHOICES: ReadonlyArray<{ value: ToolbarAction; label: string; hint: string }> = [
  { value: 'popup', label: 'The popup', hint: 'A quick glance at the page; it closes when you click the page.' },
  {
    value: 'sidepanel',
    label: 'The side panel',
    hint: 'Stays beside the page while you click through it: goals turn ✓ or ✗ as you go.',
  },
];

/** What the toolbar icon opens. The popup can still open the side panel, and the other way round via the browser. */
export function ToolbarSetting() {
  const [value, setValue] = useState<ToolbarAction | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void loadToolbarAction().then(setValue);
  }, []);
  const choose = (next: ToolbarAction) => {
    setValue(next);
    setSaved(false);
    void saveToolbarAction(next).then(() => setSaved(true));
  };
  return (
    <section aria-labelledby="toolbar-title">
      <h2 id="toolbar-title">Toolbar icon</h2>
      <fieldset class="toolbar-setting" data-testid="toolbar-setting">
        <legend>Clicking the Tagwatch icon opens</legend>
        {CHOICES.map((c) => (
          <label key={c.value} class="choice">
            <input
              type="radio"
              name="toolbar-action"
              value={c.value}
              checked={value === c.value}
              disabled={value === undefined}
              onChange={() => choose(c.value)}
              data-testid={`toolbar-${c.value}`}
            />
            <span>
              <strong>{c.label}</strong> <small>{c.hint}</small>
            </span>
          </label>
        ))}
      </fieldset>
      <p class="hint" role="status">
        {saved ? 'Saved: the icon opens the ' + (value === 'sidepanel' ? 'side panel' : 'popup') + ' from now on.' : ''}
      </p>
    </section>
  );
}
