/** An absolute time with its relative age, e.g. "3 min ago" (title: the ISO time). */
export function RelativeTime({ date, now }: { date: Date; now: number }) {
  const seconds = Math.round((now - date.getTime()) / 1000);
  const relative =
    seconds < 60
      ? `${seconds}s ago`
      : seconds < 3600
        ? `${Math.round(seconds / 60)} min ago`
        : seconds < 86_400
          ? `${Math.round(seconds / 3600)} h ago`
          : `${Math.round(seconds / 86_400)} d ago`;
  return (
    <time dateTime={date.toISOString()} title={date.toISOString()}>
      {date.toISOString().replace("T", " ").slice(0, 19)} <span className="text-stone-500">({relative})</span>
    </time>
  );
}

/** The time a server page is rendered at (server components render once per request). */
export function renderedAt(): number {
  return Date.now();
}
