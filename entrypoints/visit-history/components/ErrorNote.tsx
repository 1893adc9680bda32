/** A read that failed, said with what to do. */
export function ErrorNote({ message }: { message: string }) {
  return (
    <p class="history-error" role="alert" data-testid="history-error">
      {message}
    </p>
  );
}
