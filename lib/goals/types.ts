import type { VendorId } from '../tags/vendors';

// The tracking plan, `version: 1` (contract: DESIGN.md). Users' files rely on these shapes.

export type GoalCategory = 'engagement' | 'navigation' | 'interaction' | 'trust' | 'macro';

/** What a site is for, as read from its page (lib/goals/site-kind.ts): the default plan offers each kind its own goals. */
export type SiteKind = 'shop' | 'lead_gen' | 'content';

export const SITE_KINDS: readonly SiteKind[] = ['shop', 'lead_gen', 'content'];

export type Trigger =
  | { kind: 'form_submit'; selector?: string; hasField?: string }
  | { kind: 'click'; selector?: string; text?: string }
  | { kind: 'video'; action: 'play' | 'progress' | 'complete'; percent?: number; selector?: string }
  | { kind: 'datalayer_event'; event: string }
  | { kind: 'page_view'; url: string }
  | { kind: 'scroll_depth'; percent: number }
  | { kind: 'download'; extensions?: string[] }
  | { kind: 'outbound_click'; hosts?: string[] }
  | { kind: 'site_search'; param?: string }
  | { kind: 'element_visible'; selector: string }
  | { kind: 'time_on_page'; seconds: number };

export type TriggerKind = Trigger['kind'];

/** A parameter rule: an exact value, or a test. */
export type ParamRule = string | { exists: boolean } | { regex: string } | { equals: string };

export interface ExpectedTag {
  vendor: VendorId;
  event?: string;
  account?: string;
  params?: Record<string, ParamRule>;
}

export interface Goal {
  id: string;
  name: string;
  category?: GoalCategory;
  trigger: Trigger;
  expect?: ExpectedTag[];
  /** How long after the firing a tag may arrive and still count. Default DEFAULT_WINDOW_MS. */
  windowMs?: number;
  /** URL patterns (globs like `*\/checkout*` or `/regex/`) where the goal applies; everywhere when absent. */
  scope?: string[];
  /**
   * The kinds of site the goal is offered on (the default plan's shop, lead-generation and content goals):
   * on a page of another kind it applies only if it fired. Everywhere when absent.
   */
  siteKinds?: SiteKind[];
}

/**
 * One step of a funnel: a goal id, or the ids of goals that are the same step reached different ways (the
 * add-to-cart button, its caption, its form): any of them reaches the step.
 */
export type FunnelStep = string | string[];

/** The micro-conversions on the way to a macro conversion, in the order a visitor takes them. */
export interface Funnel {
  id: string;
  name: string;
  /** At least two; each names goals of the same plan. */
  steps: FunnelStep[];
}

export interface Plan {
  version: 1;
  name: string;
  goals: Goal[];
  /** URL patterns or origins where this plan applies (per-site plans); everywhere when absent. */
  scope?: string[];
  /** Funnels over the plan's goals; a visit is checked against each. Absent in plans written before funnels. */
  funnels?: Funnel[];
}

export const DEFAULT_WINDOW_MS = 5_000;

/** What the content script saw when a goal's trigger matched: enough for a developer to find the element. */
export interface ElementInfo {
  tag: string;
  id?: string;
  classes?: string[];
  /** Visible text, first 80 characters. */
  text?: string;
  /** What the element belongs to, by the heading of its product card or section: `Desk lamp`, first 80 characters. */
  context?: string;
  /** For forms: the action URL and the kinds of fields present (never their values). */
  formAction?: string;
  fields?: string[];
  href?: string;
  /** A CSS-ish path a developer can paste into devtools: `form#newsletter`, `div.hero > button.cta`. */
  selector?: string;
}

/** One goal firing, as the content script reports it (the background adds tab, session and id). */
export interface GoalFiring {
  goalId: string;
  goalName: string;
  trigger: TriggerKind;
  at: number;
  /**
   * Which observation of its document (one DOM event, one page event) made the firing: the firings of one
   * observation share it. Absent in records stored before it existed.
   */
  observation?: number;
  url: string;
  frameUrl?: string;
  element?: ElementInfo;
  /** Free detail: the dataLayer event name, the scroll percent, the search term's parameter… */
  detail?: Record<string, string>;
}
