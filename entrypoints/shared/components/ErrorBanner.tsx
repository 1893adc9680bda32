import { clockTime } from '@/lib/view/format';
import type { LastError } from '../model';
import './ErrorBanner.css';

export function ErrorBanner({ error, onDismiss }: { error: LastError; onDismiss: () => void }) {
  return (
    <div class="banner" data-testid="error-banner" role="alert">
      <p>
        <strong>Problem at {clockTime(error.at).slice(0, 8)}:</strong> {error.message}
      </p>
      <button
        type="button"
        class="quiet"
        data-testid="error-dismiss"
        onClick={onDismiss}
        aria-label="Dismiss this message"
      >
        Dismiss
      </button>
    </div>
  );
}
