import { VENDOR_IDS, VENDORS, type VendorId } from '@/lib/tags/vendors';
import {
  emptyParam,
  emptyTag,
  PARAM_RULE_LABELS,
  type ParamDraft,
  type ParamRuleKind,
  type TagDraft,
} from '@/lib/plans/goal-draft';
import { updateDraft } from '../state';

const RULES = Object.keys(PARAM_RULE_LABELS) as ParamRuleKind[];

function setTag(index: number, change: (t: TagDraft) => TagDraft): void {
  updateDraft((d) => ({ ...d, expect: d.expect.map((t, i) => (i === index ? change(t) : t)) }));
}

function setParam(tag: number, index: number, change: (p: ParamDraft) => ParamDraft): void {
  setTag(tag, (t) => ({ ...t, params: t.params.map((p, i) => (i === index ? change(p) : p)) }));
}

/** The tags a goal expects: vendor, event, account, and rules on parameters. */
export function TagFields({ tags }: { tags: readonly TagDraft[] }) {
  return (
    <fieldset>
      <legend>Tags that should fire</legend>
      {tags.length === 0 ? <p class="hint">None: the goal is logged, no tag is checked.</p> : null}
      {tags.map((tag, t) => {
        const n = t + 1;
        return (
          <div class="tag" key={t} data-testid="tag-row" role="group" aria-label={`Tag ${n}`}>
            <div class="field">
              <label for={`tag-${t}-vendor`}>Tag {n}: vendor</label>
              <select
                id={`tag-${t}-vendor`}
                value={tag.vendor}
                data-testid="tag-vendor"
                onChange={(e) => {
                  const vendor = e.currentTarget.value as VendorId;
                  setTag(t, (x) => ({ ...x, vendor }));
                }}
              >
                {VENDOR_IDS.map((v) => (
                  <option key={v} value={v}>
                    {VENDORS[v].name}
                  </option>
                ))}
              </select>
            </div>
            <div class="field">
              <label for={`tag-${t}-event`}>Event</label>
              <input
                id={`tag-${t}-event`}
                value={tag.event}
                placeholder="sign_up, Lead… (empty: any)"
                data-testid="tag-event"
                onInput={(e) => {
                  const event = e.currentTarget.value;
                  setTag(t, (x) => ({ ...x, event }));
                }}
              />
            </div>
            <div class="field">
              <label for={`tag-${t}-account`}>Account</label>
              <input
                id={`tag-${t}-account`}
                value={tag.account}
                placeholder="G-XXXX, pixel id… (empty: any)"
                data-testid="tag-account"
                onInput={(e) => {
                  const account = e.currentTarget.value;
                  setTag(t, (x) => ({ ...x, account }));
                }}
              />
            </div>
            {tag.params.map((p, i) => (
              <div class="param" key={i} role="group" aria-label={`Tag ${n}, parameter rule ${i + 1}`}>
                <input
                  aria-label="Parameter name"
                  value={p.name}
                  placeholder="currency"
                  data-testid="param-name"
                  onInput={(e) => {
                    const name = e.currentTarget.value;
                    setParam(t, i, (x) => ({ ...x, name }));
                  }}
                />
                <select
                  aria-label="Rule"
                  value={p.rule}
                  data-testid="param-rule"
                  onChange={(e) => {
                    const rule = e.currentTarget.value as ParamRuleKind;
                    setParam(t, i, (x) => ({ ...x, rule }));
                  }}
                >
                  {RULES.map((r) => (
                    <option key={r} value={r}>
                      {PARAM_RULE_LABELS[r]}
                    </option>
                  ))}
                </select>
                {p.rule === 'equals' || p.rule === 'regex' ? (
                  <input
                    aria-label={p.rule === 'regex' ? 'Regular expression' : 'Value'}
                    value={p.value}
                    placeholder={p.rule === 'regex' ? '^T-' : 'EUR'}
                    data-testid="param-value"
                    onInput={(e) => {
                      const value = e.currentTarget.value;
                      setParam(t, i, (x) => ({ ...x, value }));
                    }}
                  />
                ) : null}
                <button
                  type="button"
                  onClick={() => setTag(t, (x) => ({ ...x, params: x.params.filter((_, j) => j !== i) }))}
                >
                  Remove rule
                </button>
              </div>
            ))}
            <div class="toolbar">
              <button
                type="button"
                onClick={() => setTag(t, (x) => ({ ...x, params: [...x.params, emptyParam()] }))}
                data-testid="add-param"
              >
                Add a parameter rule
              </button>
              <button
                type="button"
                onClick={() => updateDraft((d) => ({ ...d, expect: d.expect.filter((_, i) => i !== t) }))}
                data-testid="remove-tag"
              >
                Remove tag {n}
              </button>
            </div>
          </div>
        );
      })}
      <button
        type="button"
        onClick={() =>
          updateDraft((d) => ({ ...d, expect: [...d.expect, emptyTag(d.expect.length === 0 ? 'ga4' : 'meta-pixel')] }))
        }
        data-testid="add-tag"
      >
        Add a tag
      </button>
    </fieldset>
  );
}
