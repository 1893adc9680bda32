import type { ExpectedTag, Goal, GoalCategory, ParamRule, SiteKind, Trigger, TriggerKind } from '../goals/types';
import type { VendorId } from '../tags/vendors';
import { parseCommaList, parseLines } from './edit';
import { slugId } from './slug';

// The goal form's model: every field a string, as the inputs hold it, for every trigger kind at once (so
// switching the kind back and forth keeps what was typed). `goalFromDraft` builds the Goal with only the
// fields of the chosen kind; parsePlan then judges it with the rest of the plan.

export type VideoAction = 'play' | 'progress' | 'complete';
export type ParamRuleKind = 'equals' | 'regex' | 'exists' | 'absent';

export interface ParamDraft {
  name: string;
  rule: ParamRuleKind;
  value: string;
}

export interface TagDraft {
  vendor: VendorId;
  event: string;
  account: string;
  params: ParamDraft[];
}

export interface TriggerDraft {
  kind: TriggerKind;
  selector: string;
  text: string;
  hasField: string;
  action: VideoAction;
  percent: string;
  event: string;
  url: string;
  /** Comma-separated. */
  extensions: string;
  /** Comma-separated. */
  hosts: string;
  param: string;
  seconds: string;
}

export type TriggerFieldKey = Exclude<keyof TriggerDraft, 'kind'>;

export interface GoalDraft {
  id: string;
  /** Set once the user typed an id: the name no longer rewrites it. */
  idEdited: boolean;
  name: string;
  category: GoalCategory | '';
  trigger: TriggerDraft;
  expect: TagDraft[];
  windowMs: string;
  /** One URL pattern per line. */
  scope: string;
  /** Kept as the goal had them (the default plan's goals are offered by site kind); the form does not edit them. */
  siteKinds: SiteKind[];
}

export interface TriggerField {
  key: TriggerFieldKey;
  label: string;
  hint?: string;
  placeholder?: string;
  required?: boolean;
  type: 'text' | 'number' | 'action';
}

/** The fields each trigger kind takes (DESIGN.md's trigger table), with words for the form. */
export const TRIGGER_FIELDS: Readonly<Record<TriggerKind, readonly TriggerField[]>> = {
  form_submit: [
    {
      key: 'selector',
      label: 'Which form (CSS selector)',
      placeholder: 'form#newsletter',
      hint: 'Leave empty for any form.',
      type: 'text',
    },
    {
      key: 'hasField',
      label: 'Only forms with this field',
      placeholder: 'email',
      hint: 'email, tel, password, new-password, or a field name.',
      type: 'text',
    },
  ],
  click: [
    {
      key: 'selector',
      label: 'Which element (CSS selector)',
      placeholder: '.add-to-cart',
      hint: 'A selector, a text, or both.',
      type: 'text',
    },
    { key: 'text', label: 'Its text contains', placeholder: 'Add to cart', type: 'text' },
  ],
  video: [
    { key: 'action', label: 'When', required: true, type: 'action' },
    { key: 'percent', label: 'Percent watched (for progress)', placeholder: '50', type: 'number' },
    {
      key: 'selector',
      label: 'Which video (CSS selector)',
      placeholder: 'video#intro',
      hint: 'Leave empty for any video.',
      type: 'text',
    },
  ],
  datalayer_event: [
    { key: 'event', label: 'dataLayer event name', placeholder: 'add_to_cart', required: true, type: 'text' },
  ],
  page_view: [
    {
      key: 'url',
      label: 'Page address pattern',
      placeholder: '*/thank-you*',
      hint: 'A glob like */thank-you* or a /regex/.',
      required: true,
      type: 'text',
    },
  ],
  scroll_depth: [{ key: 'percent', label: 'Scrolled to (percent)', placeholder: '75', required: true, type: 'number' }],
  download: [
    {
      key: 'extensions',
      label: 'File types',
      placeholder: 'pdf, zip',
      hint: 'Comma-separated. Leave empty for documents, archives and media.',
      type: 'text',
    },
  ],
  outbound_click: [
    {
      key: 'hosts',
      label: 'Only links to these sites',
      placeholder: 'partner.example, calendly.com',
      hint: 'Comma-separated. Leave empty for any other site.',
      type: 'text',
    },
  ],
  site_search: [
    {
      key: 'param',
      label: 'Search parameter in the address',
      placeholder: 'q',
      hint: 'Leave empty for q, s, search or query.',
      type: 'text',
    },
  ],
  element_visible: [
    { key: 'selector', label: 'Which element (CSS selector)', placeholder: '#reviews', required: true, type: 'text' },
  ],
  time_on_page: [{ key: 'seconds', label: 'Seconds on the page', placeholder: '30', required: true, type: 'number' }],
};

export const PARAM_RULE_LABELS: Readonly<Record<ParamRuleKind, string>> = {
  equals: 'equals',
  regex: 'matches regex',
  exists: 'is present',
  absent: 'is absent',
};

export function emptyTrigger(kind: TriggerKind = 'form_submit'): TriggerDraft {
  return {
    kind,
    selector: '',
    text: '',
    hasField: '',
    action: 'play',
    percent: '',
    event: '',
    url: '',
    extensions: '',
    hosts: '',
    param: '',
    seconds: '',
  };
}

export function emptyTag(vendor: VendorId = 'ga4'): TagDraft {
  return { vendor, event: '', account: '', params: [] };
}

export function emptyParam(): ParamDraft {
  return { name: '', rule: 'equals', value: '' };
}

export function emptyDraft(): GoalDraft {
  return {
    id: '',
    idEdited: false,
    name: '',
    category: 'interaction',
    trigger: emptyTrigger(),
    expect: [emptyTag()],
    windowMs: '',
    scope: '',
    siteKinds: [],
  };
}

const str = (n: number | undefined): string => (n === undefined ? '' : String(n));

function triggerDraft(t: Trigger): TriggerDraft {
  const d = emptyTrigger(t.kind);
  switch (t.kind) {
    case 'form_submit':
      return { ...d, selector: t.selector ?? '', hasField: t.hasField ?? '' };
    case 'click':
      return { ...d, selector: t.selector ?? '', text: t.text ?? '' };
    case 'video':
      return { ...d, action: t.action, percent: str(t.percent), selector: t.selector ?? '' };
    case 'datalayer_event':
      return { ...d, event: t.event };
    case 'page_view':
      return { ...d, url: t.url };
    case 'scroll_depth':
      return { ...d, percent: str(t.percent) };
    case 'download':
      return { ...d, extensions: (t.extensions ?? []).join(', ') };
    case 'outbound_click':
      return { ...d, hosts: (t.hosts ?? []).join(', ') };
    case 'site_search':
      return { ...d, param: t.param ?? '' };
    case 'element_visible':
      return { ...d, selector: t.selector };
    case 'time_on_page':
      return { ...d, seconds: str(t.seconds) };
  }
}

function paramDraft(name: string, rule: ParamRule): ParamDraft {
  if (typeof rule === 'string') return { name, rule: 'equals', value: rule };
  if ('equals' in rule) return { name, rule: 'equals', value: rule.equals };
  if ('regex' in rule) return { name, rule: 'regex', value: rule.regex };
  return { name, rule: rule.exists ? 'exists' : 'absent', value: '' };
}

export function draftFromGoal(goal: Goal): GoalDraft {
  return {
    id: goal.id,
    idEdited: true,
    name: goal.name,
    category: goal.category ?? '',
    trigger: triggerDraft(goal.trigger),
    expect: (goal.expect ?? []).map((t) => ({
      vendor: t.vendor,
      event: t.event ?? '',
      account: t.account ?? '',
      params: Object.entries(t.params ?? {}).map(([n, r]) => paramDraft(n, r)),
    })),
    windowMs: str(goal.windowMs),
    scope: (goal.scope ?? []).join('\n'),
    siteKinds: [...(goal.siteKinds ?? [])],
  };
}

/** The draft with a new name; the id follows the name (unique among `takenIds`) until the user edits it. */
export function withName(draft: GoalDraft, name: string, takenIds: Iterable<string>): GoalDraft {
  return draft.idEdited ? { ...draft, name } : { ...draft, name, id: name.trim() === '' ? '' : slugId(name, takenIds) };
}

export type DraftResult = { ok: true; goal: Goal } | { ok: false; errors: string[] };

const LABELS: Readonly<Record<TriggerFieldKey, string>> = {
  selector: 'selector',
  text: 'text',
  hasField: 'field',
  action: 'when',
  percent: 'percent',
  event: 'event',
  url: 'address pattern',
  extensions: 'file types',
  hosts: 'sites',
  param: 'search parameter',
  seconds: 'seconds',
};

/** Build the goal the form describes. Only what the form cannot express is refused here (a number field with letters). */
export function goalFromDraft(draft: GoalDraft): DraftResult {
  const errors: string[] = [];
  const number = (value: string, path: string, label: string): number | undefined => {
    const s = value.trim();
    if (s === '') return undefined;
    const n = Number(s);
    if (!Number.isFinite(n)) errors.push(`${path}: ${label}: "${s}" is not a number`);
    return n;
  };
  const opt = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());
  const t = draft.trigger;
  const tp = (key: TriggerFieldKey): string => `trigger.${key}`;
  const num = (key: 'percent' | 'seconds'): number | undefined => number(t[key], tp(key), LABELS[key]);
  const list = (items: string[]): string[] | undefined => (items.length > 0 ? items : undefined);
  const required = (key: 'percent' | 'seconds', what: string): number => {
    const n = num(key);
    if (n === undefined) errors.push(`${tp(key)}: ${what}`);
    return n ?? 0;
  };
  // Required texts left empty go through as empty strings: parsePlan names them in its own words.
  let trigger: Trigger;
  switch (t.kind) {
    case 'form_submit':
      trigger = { kind: 'form_submit', ...defined({ selector: opt(t.selector), hasField: opt(t.hasField) }) };
      break;
    case 'click':
      trigger = { kind: 'click', ...defined({ selector: opt(t.selector), text: opt(t.text) }) };
      break;
    case 'video':
      trigger = {
        kind: 'video',
        action: t.action,
        ...defined({ percent: t.action === 'progress' ? num('percent') : undefined, selector: opt(t.selector) }),
      };
      break;
    case 'datalayer_event':
      trigger = { kind: 'datalayer_event', event: t.event.trim() };
      break;
    case 'page_view':
      trigger = { kind: 'page_view', url: t.url.trim() };
      break;
    case 'scroll_depth':
      trigger = {
        kind: 'scroll_depth',
        percent: required('percent', 'enter how far the page must be scrolled, from 1 to 100'),
      };
      break;
    case 'download':
      trigger = { kind: 'download', ...defined({ extensions: list(parseCommaList(t.extensions)) }) };
      break;
    case 'outbound_click':
      trigger = { kind: 'outbound_click', ...defined({ hosts: list(parseCommaList(t.hosts)) }) };
      break;
    case 'site_search':
      trigger = { kind: 'site_search', ...defined({ param: opt(t.param) }) };
      break;
    case 'element_visible':
      trigger = { kind: 'element_visible', selector: t.selector.trim() };
      break;
    case 'time_on_page':
      trigger = {
        kind: 'time_on_page',
        seconds: required('seconds', 'enter how many seconds on the page make the goal'),
      };
      break;
  }
  const expect: ExpectedTag[] = draft.expect.map((tag) => {
    const params: Record<string, ParamRule> = {};
    for (const p of tag.params) {
      const name = p.name.trim();
      if (name === '') continue;
      params[name] =
        p.rule === 'regex'
          ? { regex: p.value }
          : p.rule === 'exists'
            ? { exists: true }
            : p.rule === 'absent'
              ? { exists: false }
              : p.value;
    }
    return {
      vendor: tag.vendor,
      ...defined({ event: opt(tag.event), account: opt(tag.account) }),
      ...(Object.keys(params).length > 0 ? { params } : {}),
    };
  });
  const windowMs = number(draft.windowMs, 'windowMs', 'wait for tags (ms)');
  const scope = list(parseLines(draft.scope));
  if (errors.length > 0) return { ok: false, errors };
  const goal: Goal = {
    id: draft.id.trim(),
    name: draft.name.trim() || draft.id.trim(),
    ...(draft.category ? { category: draft.category } : {}),
    trigger,
    ...(expect.length > 0 ? { expect } : {}),
    ...defined({ windowMs, scope }),
    ...(draft.siteKinds.length > 0 ? { siteKinds: [...draft.siteKinds] } : {}),
  };
  return { ok: true, goal };
}

/** The object without its undefined values (the plan's JSON has no `"selector": null`). */
function defined<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}
