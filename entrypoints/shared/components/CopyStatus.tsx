import { useEffect, useState } from 'preact/hooks';

type CopyState<K> = { kind: 'idle' } | { kind: 'copied'; key: K } | { kind: 'failed'; message: string };

/**
 * What a copy button says after a click: which copy just succeeded (`copied`, for 2.5 s), or why it failed, for
 * the status line (`CopyStatus`). `track(key, copying)` follows one copy to its end.
 */
export function useCopyStatus<K>(): {
  state: CopyState<K>;
  copied: K | undefined;
  track: (key: K, copying: Promise<void>) => Promise<void>;
} {
  const [state, setState] = useState<CopyState<K>>({ kind: 'idle' });
  useEffect(() => {
    if (state.kind !== 'copied') return;
    const timer = setTimeout(() => setState({ kind: 'idle' }), 2_500);
    return () => clearTimeout(timer);
  }, [state]);
  const track = (key: K, copying: Promise<void>) =>
    copying.then(
      () => setState({ kind: 'copied', key }),
      (error: unknown) =>
        setState({
          kind: 'failed',
          message: `Could not copy: ${error instanceof Error ? error.message : String(error)}`,
        }),
    );
  return { state, copied: state.kind === 'copied' ? state.key : undefined, track };
}

/** The copy's outcome for screen readers ("Copied"), and on screen when it failed. */
export function CopyStatus<K>({ state, testId }: { state: CopyState<K>; testId: string }) {
  return (
    <span
      class={state.kind === 'failed' ? 'copy-status bad' : 'copy-status visually-hidden'}
      role="status"
      data-testid={testId}
    >
      {state.kind === 'copied' ? 'Copied' : state.kind === 'failed' ? state.message : ''}
    </span>
  );
}
