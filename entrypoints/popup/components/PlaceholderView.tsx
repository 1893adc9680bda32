/** Stands in for a view still to be built (Goals, Findings). */
export function PlaceholderView({ what }: { what: string }) {
  return (
    <div class="placeholder" data-testid="placeholder">
      <p class="muted">{what}</p>
    </div>
  );
}
