import { bodyText, type RawRequestBody } from '../tags/body';
import type { CapturedRequest } from './capture';
import type { RequestOutcome } from './capture';

/** The fields of webRequest's details Tagwatch reads, Chromium's extras (documentId) included, as plain data. */
export interface WebRequestDetails {
  requestId: string;
  tabId: number;
  frameId: number;
  url: string;
  method: string;
  type: string;
  timeStamp: number;
  initiator?: string;
  originUrl?: string;
  documentUrl?: string;
  documentId?: string;
  requestBody?: RawRequestBody | null;
  statusCode?: number;
  error?: string;
}

/** Which requests are worth decoding: a tab's own subresources (not the navigation itself, not the worker's own). */
export function isCandidate(details: Pick<WebRequestDetails, 'tabId' | 'type'>): boolean {
  return details.tabId >= 0 && details.type !== 'main_frame';
}

export function toCapturedRequest(details: WebRequestDetails): CapturedRequest {
  const initiator = details.documentUrl ?? details.originUrl ?? details.initiator;
  return {
    requestId: details.requestId,
    tabId: details.tabId,
    frameId: details.frameId,
    at: details.timeStamp,
    url: details.url,
    method: details.method,
    type: details.type,
    body: bodyText(details.requestBody),
    ...(details.documentId ? { documentId: details.documentId } : {}),
    ...(initiator ? { initiator } : {}),
  };
}

export function toOutcome(
  details: Pick<WebRequestDetails, 'statusCode' | 'error'> & { timeStamp?: number },
): RequestOutcome {
  const at = details.timeStamp !== undefined ? { at: details.timeStamp } : {};
  return details.error !== undefined ? { error: details.error, ...at } : { statusCode: details.statusCode ?? 0, ...at };
}
