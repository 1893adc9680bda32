import { createAuditHandler, type AuditRequest, type AuditResponse } from '@/lib/view/audit-request';

// The page's audit, off the views' main thread: on a page of thousands of hits it takes a second or more, and
// a view that waited for it could not show a new hit within 100 ms. The protocol is lib/view/audit-request.ts.

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<AuditRequest>) => void) | null;
  postMessage: (message: AuditResponse) => void;
};
const handle = createAuditHandler();
scope.onmessage = (e) => scope.postMessage(handle(e.data));
