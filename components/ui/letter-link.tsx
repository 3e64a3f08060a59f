/** A customer's link to a letter Loket posted them, served by /api/letters (which checks access). */
export function LetterLink({ ticketId, messageId, label }: { ticketId: string; messageId: string; label: string }) {
  return (
    <p className="mt-2 text-sm">
      <a href={`/api/letters/${ticketId}/${messageId}`} data-testid="letter-link">{label}</a>
    </p>
  );
}
