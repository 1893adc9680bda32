import { Component, type ComponentChildren, type ComponentType } from 'preact';

/**
 * A row that re-renders only when `same` says its props changed. preact/compat's `memo` would do, but compat
 * installs global hooks (it rewrites onChange and focus events for React semantics) that the popup does not want.
 */
export function memoRow<P extends object>(
  render: (props: P) => ComponentChildren,
  same: (a: P, b: P) => boolean,
): ComponentType<P> {
  return class MemoRow extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      return !same(this.props, next);
    }
    override render(): ComponentChildren {
      return render(this.props);
    }
  };
}
