/** Download links for a message's attachments, served by /api/uploads/<id> (which checks access). */
export function AttachmentLinks({ attachments, label }: { attachments: readonly { id: string; fileName: string; size: number }[]; label: string }) {
  if (attachments.length === 0) return null;
  return (
    <div className="mt-2">
      <p className="text-sm font-medium text-slate-700">{label}</p>
      <ul className="list-inside list-disc text-sm">
        {attachments.map((a) => (
          <li key={a.id}>
            <a href={`/api/uploads/${a.id}`}>{a.fileName}</a>{" "}
            ({Math.max(1, Math.round(a.size / 1024))} kB)
          </li>
        ))}
      </ul>
    </div>
  );
}
