import type { FindingKind, Severity } from '../audit/findings';

// What each kind of finding is called, on the popup's cards, in the HTML report and anywhere else.

export const FINDING_LABELS: Readonly<Record<FindingKind, string>> = {
  missing_tag: 'Missing tag',
  duplicate_hit: 'Sent twice',
  pii_in_hit: 'Personal data sent',
  before_consent: 'Sent before consent',
  cookie_before_consent: 'Cookie stored before consent',
  invalid_params: 'Wrong or missing values',
  tag_without_goal: 'Event no goal expects',
  library_without_hits: 'Tag installed, never fires',
  funnel_step_untracked: 'Funnel step not tracked',
};

export const SEVERITY_TITLES: Readonly<Record<Severity, string>> = {
  error: 'Errors',
  warning: 'Warnings',
  info: 'Notes',
};

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
