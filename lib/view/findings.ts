import type { Finding, FindingKind, Severity } from '../audit/findings';
import type { Goal } from '../goals/types';
import type { VendorId } from '../tags/vendors';
import { FINDING_LABELS, SEVERITIES, SEVERITY_TITLES, vendorName } from '../words';

// The Findings view: the audit's findings grouped by severity, each with what it points at (the goal, the hit).
// Pure: the popup passes the findings, the goals and which hits the Hits view can show.

export interface FindingView {
  /** Stable across re-renders: the kind, and what it points at. */
  key: string;
  kind: FindingKind;
  severity: Severity;
  label: string;
  message: string;
  /** What to do, in one line. */
  todo: string;
  /** For the developer: selectors, patterns, what was seen. */
  detail?: string;
  at?: number;
  vendor?: VendorId;
  vendorName?: string;
  goalId?: string;
  goalName?: string;
  hitId?: string;
  /** True when the Hits view lists the hit (it may be on the next page of the tab). */
  hitShown: boolean;
}

export interface FindingGroup {
  severity: Severity;
  title: string;
  findings: FindingView[];
}

function keyOf(f: Finding, i: number): string {
  return [f.kind, f.goalId ?? '', f.firingId ?? '', f.hitId ?? '', f.vendor ?? '', f.param ?? '', i].join('|');
}

/** Errors, then warnings, then notes; a severity with nothing is left out. Order within a group is kept. */
export function findingGroups(
  findings: readonly Finding[],
  goals: readonly Goal[],
  shownHits: ReadonlySet<string>,
): FindingGroup[] {
  const names = new Map(goals.map((g) => [g.id, g.name]));
  const views = findings.map((f, i): FindingView => {
    const view: FindingView = {
      key: keyOf(f, i),
      kind: f.kind,
      severity: f.severity,
      label: FINDING_LABELS[f.kind],
      message: f.message,
      todo: f.todo,
      hitShown: false,
    };
    if (f.detail) view.detail = f.detail;
    if (f.at !== undefined) view.at = f.at;
    if (f.vendor) {
      view.vendor = f.vendor;
      view.vendorName = vendorName(f.vendor);
    }
    if (f.goalId) {
      view.goalId = f.goalId;
      view.goalName = names.get(f.goalId) ?? f.goalId;
    }
    if (f.hitId) {
      view.hitId = f.hitId;
      view.hitShown = shownHits.has(f.hitId);
    }
    return view;
  });
  return SEVERITIES.map((severity) => ({
    severity,
    title: SEVERITY_TITLES[severity],
    findings: views.filter((v) => v.severity === severity),
  })).filter((g) => g.findings.length > 0);
}
