import type { Plan } from '@/lib/goals/types';
import { pageAudit, type PageAudit, type PageAuditInput } from '@/lib/view/page-audit';
import { createAuditRequests, withReportHits, type AuditResponse } from '@/lib/view/audit-request';

/** Audit a page: in a worker when the browser gives one, else here (the same function either way). */
export type Auditor = (plans: Plan[], input: PageAuditInput, generatedAt: number) => Promise<PageAudit>;

export function createAuditor(): Auditor {
  let worker: Worker | undefined;
  try {
    worker = new Worker(new URL('./audit-worker.ts', import.meta.url), { type: 'module' });
  } catch (error) {
    console.warn('Tagwatch: no worker for the audit, it runs on the page', error);
  }
  if (!worker) return (plans, input, generatedAt) => Promise.resolve(pageAudit(plans, input, generatedAt));
  const waiting = new Map<
    number,
    { ok: (audit: PageAudit) => void; fail: (error: Error) => void; input: PageAuditInput }
  >();
  let next = 0;
  // Only what the audit reads crosses over, and of that only what changed since the last audit.
  const requests = createAuditRequests();
  worker.onmessage = (e: MessageEvent<AuditResponse>) => {
    const call = waiting.get(e.data.id);
    if (!call) return;
    waiting.delete(e.data.id);
    if ('audit' in e.data) call.ok(withReportHits(e.data.audit, call.input.auditHits));
    else {
      requests.reset();
      call.fail(new Error(`The audit failed: ${e.data.error}`));
    }
  };
  worker.onerror = (e) => {
    requests.reset();
    for (const call of waiting.values()) call.fail(new Error(`The audit worker stopped: ${e.message}`));
    waiting.clear();
  };
  return (plans, input, generatedAt) =>
    new Promise((ok, fail) => {
      const id = ++next;
      waiting.set(id, { ok, fail, input });
      worker!.postMessage(requests.request(id, plans, input, generatedAt));
    });
}
